import { start } from "./scene.js";

self.onmessage = (event) => {
  const { canvas, width, height } = event.data;
  const t0 = performance.now();
  const info = start(canvas, width, height);
  self.postMessage({ info, workerMs: performance.now() - t0 });
};
