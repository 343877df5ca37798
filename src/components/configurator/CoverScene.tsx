/**
 * The three.js part of the configurator, loaded lazily (three.js and R3F are only fetched when
 * the view is shown). Renders on demand: a frame is drawn only when the selection, the view or
 * the controls change. The slider's position is applied to a ref from the store, never via React
 * state, so dragging does not re-render the scene.
 */
import { Canvas, type ThreeEvent, useFrame, useThree } from "@react-three/fiber";
import type { WritableAtom } from "nanostores";
import { type RefObject, useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { Color, type Group, Plane, PMREMGenerator, Vector3, type WebGLRenderer } from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import { RoomEnvironment } from "three/examples/jsm/environments/RoomEnvironment.js";
import { deviceGeometryFor, deviceMaterials } from "../../configurator/deviceGeometry.ts";
import { cameraFraming } from "../../configurator/framing.ts";
import { coverGeometryFor } from "../../configurator/geometry.ts";
import { bodyMaterialFor, magnetMaterialFor } from "../../configurator/materials.ts";
import { STAGE_HEX } from "../../configurator/poster.ts";
import { shadowFor } from "../../configurator/shadow.ts";
import { $selection, type Selection } from "../../lib/selection.ts";
import {
  type ColourKey,
  type FitKey,
  fits,
  sliderCentreMm,
  windowCentreMm,
} from "../../product/index.ts";

export interface CoverSceneProps {
  fit: FitKey;
  colour: ColourKey;
  device: boolean;
  /** Incremented by the "Reset view" button. */
  resetToken: number;
  onReady: () => void;
  onLost: () => void;
  /** Filled with a function that renders a frame and returns it as a PNG data URL. */
  captureRef: RefObject<(() => string) | null>;
  /**
   * Where the slider's opening lives: the shop's one selection by default; each retailer widget
   * passes its own, so two widgets on a page move their sliders apart.
   */
  selection?: WritableAtom<Selection>;
}

function Cover({
  fit,
  colour,
  selection,
}: {
  fit: FitKey;
  colour: ColourKey;
  selection: WritableAtom<Selection>;
}) {
  const geometry = coverGeometryFor(fit);
  const body = bodyMaterialFor(colour);
  const magnet = magnetMaterialFor();
  const slider = useRef<Group>(null);
  const invalidate = useThree((s) => s.invalidate);
  const controls = useThree((s) => s.controls);
  const shadow = useMemo(() => shadowFor(fit), [fit]);
  const drag = useMemo(() => ({ active: false, plane: new Plane(), point: new Vector3() }), []);

  useLayoutEffect(() => {
    const spec = fits[fit];
    const place = (opening: number) => {
      if (!slider.current) return;
      const x = sliderCentreMm(spec, opening);
      // The store also changes for fit and colour (and may be re-set unchanged): draw only
      // when the slider really moved; the other changes redraw through their own props.
      if (slider.current.position.x === x) return;
      slider.current.position.x = x;
      invalidate();
    };
    place(selection.get().opening);
    return selection.listen((next) => place(next.opening));
  }, [fit, invalidate, selection]);

  const onPointerDown = (event: ThreeEvent<PointerEvent>) => {
    event.stopPropagation();
    // R3F's event target supports pointer capture, so moves keep coming while off the mesh.
    (event.target as Element).setPointerCapture(event.pointerId);
    drag.active = true;
    drag.plane.set(drag.plane.normal.set(0, 1, 0), -geometry.layers.totalMm);
    if (controls && "enabled" in controls) (controls as OrbitControls).enabled = false;
  };
  const onPointerMove = (event: ThreeEvent<PointerEvent>) => {
    if (!drag.active) return;
    event.stopPropagation();
    if (!event.ray.intersectPlane(drag.plane, drag.point)) return;
    const spec = fits[fit];
    const opening = (drag.point.x - windowCentreMm(spec)) / spec.travelMm;
    selection.set({ ...selection.get(), opening: Math.min(1, Math.max(0, opening)) });
  };
  const onPointerUp = (event: ThreeEvent<PointerEvent>) => {
    if (!drag.active) return;
    drag.active = false;
    (event.target as Element).releasePointerCapture(event.pointerId);
    if (controls && "enabled" in controls) (controls as OrbitControls).enabled = true;
  };

  return (
    <group>
      <mesh geometry={geometry.rail} material={body} />
      {/* Handlers on the group: a press on the magnet drags the slider too. */}
      <group
        ref={slider}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <mesh geometry={geometry.slider} material={body} />
        <mesh geometry={geometry.magnet} material={magnet} />
      </group>
      <mesh geometry={shadow.geometry} material={shadow.material} renderOrder={-1} />
    </group>
  );
}

function Device({ fit }: { fit: FitKey }) {
  const geometry = deviceGeometryFor(fit);
  const materials = deviceMaterials();
  return (
    <group>
      <mesh geometry={geometry.slab} material={materials.slab} />
      <mesh geometry={geometry.screen} material={materials.screen} />
      <mesh geometry={geometry.lens} material={materials.lens} />
    </group>
  );
}

/** OrbitControls from three itself (no drei), limited, redrawing only when they change. */
function Controls({
  fit,
  device,
  resetToken,
}: {
  fit: FitKey;
  device: boolean;
  resetToken: number;
}) {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const set = useThree((s) => s.set);
  const controls = useMemo(() => new OrbitControls(camera, gl.domElement), [camera, gl]);

  useEffect(() => {
    controls.enablePan = false;
    controls.enableDamping = false;
    controls.minPolarAngle = 0.1;
    controls.maxPolarAngle = 1.35;
    controls.minAzimuthAngle = -1.2;
    controls.maxAzimuthAngle = 1.2;
    const onChange = () => invalidate();
    const onDoubleClick = () => {
      controls.reset();
      invalidate();
    };
    controls.addEventListener("change", onChange);
    gl.domElement.addEventListener("dblclick", onDoubleClick);
    set({ controls });
    return () => {
      controls.removeEventListener("change", onChange);
      gl.domElement.removeEventListener("dblclick", onDoubleClick);
      controls.dispose();
    };
  }, [controls, gl, invalidate, set]);

  // Frame the cover (or the device) and make that the view "Reset" returns to.
  useLayoutEffect(() => {
    const framing = cameraFraming(fit, device);
    camera.position.set(framing.position[0], framing.position[1], framing.position[2]);
    controls.target.set(framing.target[0], framing.target[1], framing.target[2]);
    controls.minDistance = framing.minDistance;
    controls.maxDistance = framing.maxDistance;
    camera.near = framing.near;
    camera.far = framing.far;
    camera.updateProjectionMatrix();
    controls.update();
    controls.saveState();
    invalidate();
  }, [fit, device, camera, controls, invalidate]);

  useEffect(() => {
    if (resetToken === 0) return;
    controls.reset();
    invalidate();
  }, [resetToken, controls, invalidate]);

  return null;
}

/** Counts frames for the probe and says "ready" once the first frame is on screen. */
function FrameProbe({ onReady, captureRef }: Pick<CoverSceneProps, "onReady" | "captureRef">) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const get = useThree((s) => s.get);
  const first = useRef(true);

  useEffect(() => {
    const capture = () => {
      gl.render(scene, camera);
      return gl.domElement.toDataURL("image/png");
    };
    captureRef.current = capture;
    const probe = {
      frames: 0,
      lastFrameAt: 0,
      pending: () => get().internal.frames,
      info: () => ({ calls: gl.info.render.calls, triangles: gl.info.render.triangles }),
      capture,
      project: (xMm: number, yMm: number, zMm: number) => {
        const point = new Vector3(xMm, yMm, zMm).project(camera);
        const rect = gl.domElement.getBoundingClientRect();
        return {
          x: rect.left + ((point.x + 1) / 2) * rect.width,
          y: rect.top + ((1 - point.y) / 2) * rect.height,
        };
      },
    };
    window.__camslideConfigurator = probe;
    return () => {
      captureRef.current = null;
      if (window.__camslideConfigurator === probe) delete window.__camslideConfigurator;
    };
  }, [gl, scene, camera, captureRef, get]);

  useFrame(() => {
    const probe = window.__camslideConfigurator;
    if (probe) {
      probe.frames += 1;
      probe.lastFrameAt = performance.now();
    }
    if (first.current) {
      first.current = false;
      // useFrame runs just before the render: the frame is on screen by the next animation frame.
      requestAnimationFrame(() => onReady());
    }
  });
  return null;
}

function setUpRenderer(gl: WebGLRenderer, onLost: () => void) {
  // Lighting that needs no network: three's procedural room, prefiltered once for reflections.
  const pmrem = new PMREMGenerator(gl);
  // 64 px faces are plenty for soft reflections on a 24 mm part, and prefiltering at three's
  // default 256 px costs seconds of main thread under software GL.
  const environment = pmrem.fromScene(new RoomEnvironment(), 0.04, 0.1, 100, { size: 64 }).texture;
  pmrem.dispose();
  gl.domElement.addEventListener("webglcontextlost", (event) => {
    event.preventDefault();
    onLost();
  });
  return environment;
}

export default function CoverScene(props: CoverSceneProps) {
  const { fit, colour, device, resetToken, onReady, onLost, captureRef } = props;
  const selection = props.selection ?? $selection;
  const background = useMemo(() => new Color(STAGE_HEX), []);
  return (
    <Canvas
      frameloop="demand"
      // No tone mapping: the definition's hex colours should read as themselves.
      flat
      dpr={[1, 2]}
      camera={{ fov: 30, near: 1, far: 2000, position: [0, 40, 30] }}
      gl={{ antialias: true, powerPreference: "low-power" }}
      scene={{ background }}
      onCreated={({ gl, scene }) => {
        scene.environment = setUpRenderer(gl, onLost);
        scene.environmentIntensity = 0.55;
      }}
    >
      <hemisphereLight args={["#ffffff", "#8a8780", 0.5]} />
      <directionalLight position={[-20, 50, 30]} intensity={1.3} />
      <Cover fit={fit} colour={colour} selection={selection} />
      {device && <Device fit={fit} />}
      <Controls fit={fit} device={device} resetToken={resetToken} />
      <FrameProbe onReady={onReady} captureRef={captureRef} />
    </Canvas>
  );
}
