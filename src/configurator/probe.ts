/**
 * A small read-only window into the 3D view for the e2e test and the benchmark: counts frames
 * (to prove "no frames at rest"), reports renderer.info and renders a frame to a PNG data URL.
 * Written by the scene; nothing in the shop reads it.
 */
export interface ConfiguratorProbe {
  /** Frames rendered since the scene started. */
  frames: number;
  /** performance.now() at the start of the latest frame. */
  lastFrameAt: number;
  /**
   * Frames the renderer has been asked for and not drawn yet. Under software GL a requested
   * frame can wait seconds for the GPU process: "at rest" means none pending and none drawn.
   */
  pending(): number;
  /** Draw calls and triangles of the latest frame. */
  info(): { calls: number; triangles: number };
  /** Renders a frame now and returns it as a PNG data URL. */
  capture(): string;
  /** Where a scene point (millimetres) appears, in viewport CSS pixels: for driving drags. */
  project(xMm: number, yMm: number, zMm: number): { x: number; y: number };
}

declare global {
  interface Window {
    __camslideConfigurator?: ConfiguratorProbe;
  }
}
