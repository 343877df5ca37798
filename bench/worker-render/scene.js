// The experiment's scene, the same on the main thread and in a worker: what the configurator's
// start-up costs (WebGL context, RoomEnvironment prefiltered at 64 px, MeshStandardMaterial
// shaders, a ~2k-triangle rounded rail with a slider), built from three alone so that it runs
// unchanged in a module worker (import maps do not reach workers).

import { RoomEnvironment } from "./RoomEnvironment.js";
import {
  Color,
  CylinderGeometry,
  DirectionalLight,
  ExtrudeGeometry,
  HemisphereLight,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  PerspectiveCamera,
  PlaneGeometry,
  PMREMGenerator,
  Scene,
  Shape,
  WebGLRenderer,
} from "./three.module.js";

function roundedRect(length, width, radius) {
  const shape = new Shape();
  const x = -length / 2;
  const y = -width / 2;
  shape.moveTo(x + radius, y);
  shape.lineTo(x + length - radius, y);
  shape.absarc(x + length - radius, y + radius, radius, -Math.PI / 2, 0, false);
  shape.lineTo(x + length, y + width - radius);
  shape.absarc(x + length - radius, y + width - radius, radius, 0, Math.PI / 2, false);
  shape.lineTo(x + radius, y + width);
  shape.absarc(x + radius, y + width - radius, radius, Math.PI / 2, Math.PI, false);
  shape.lineTo(x, y + radius);
  shape.absarc(x + radius, y + radius, radius, Math.PI, (3 * Math.PI) / 2, false);
  return shape;
}

/** Builds the scene on `canvas` (HTMLCanvasElement or OffscreenCanvas) and draws one frame. */
export function start(canvas, width, height) {
  const renderer = new WebGLRenderer({ canvas, antialias: true, powerPreference: "low-power" });
  renderer.setPixelRatio(1);
  renderer.setSize(width, height, false);
  const scene = new Scene();
  scene.background = new Color("#eceae4");
  const pmrem = new PMREMGenerator(renderer);
  scene.environment = pmrem.fromScene(new RoomEnvironment(), 0.04, 0.1, 100, { size: 64 }).texture;
  pmrem.dispose();
  scene.environmentIntensity = 0.55;
  scene.add(new HemisphereLight("#ffffff", "#8a8780", 0.5));
  const sun = new DirectionalLight("#ffffff", 1.3);
  sun.position.set(-20, 50, 30);
  scene.add(sun);
  const body = new MeshStandardMaterial({ color: "#1d1d1f", roughness: 0.6, metalness: 0 });
  const magnet = new MeshStandardMaterial({ color: "#b8bbbf", roughness: 0.25, metalness: 1 });
  const bevel = {
    bevelEnabled: true,
    bevelSize: 0.15,
    bevelThickness: 0.1,
    bevelSegments: 4,
    curveSegments: 24,
  };
  const rail = new Mesh(
    new ExtrudeGeometry(roundedRect(24, 8, 4), { depth: 0.35, ...bevel }),
    body,
  );
  rail.rotation.x = -Math.PI / 2;
  const slider = new Mesh(
    new ExtrudeGeometry(roundedRect(10, 6, 3), { depth: 0.35, ...bevel }),
    body,
  );
  slider.rotation.x = -Math.PI / 2;
  slider.position.set(-4, 0.35, 0);
  const disc = new Mesh(new CylinderGeometry(1.5, 1.5, 0.2, 48), magnet);
  disc.position.set(-4, 0.8, 0);
  const shadow = new Mesh(
    new PlaneGeometry(34, 16),
    new MeshBasicMaterial({ color: "#000000", transparent: true, opacity: 0.12 }),
  );
  shadow.rotation.x = -Math.PI / 2;
  shadow.position.y = -0.05;
  scene.add(rail, slider, disc, shadow);
  const camera = new PerspectiveCamera(30, width / height, 1, 2000);
  camera.position.set(0, 40, 30);
  camera.lookAt(0, 0, 0);
  renderer.render(scene, camera);
  // Wait for the GPU (SwiftShader here) to finish, so "ready" means the frame exists.
  renderer.getContext().finish();
  return { triangles: renderer.info.render.triangles, calls: renderer.info.render.calls };
}
