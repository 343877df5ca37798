/**
 * A soft contact shadow under the rail: a blurred outline painted once per fit into a small
 * canvas texture. Cheaper than a depth-rendered contact shadow (no extra passes per frame, which
 * matters under software GL) and it needs no network. Browser only (uses a 2D canvas).
 */
import {
  type BufferGeometry,
  CanvasTexture,
  MeshBasicMaterial,
  PlaneGeometry,
  SRGBColorSpace,
} from "three";
import { type FitKey, fits } from "../product/index.ts";
import { railOutline } from "./outline.ts";

export interface ContactShadow {
  geometry: BufferGeometry;
  material: MeshBasicMaterial;
}

const memo = new Map<FitKey, ContactShadow>();
const PIXELS_PER_MM = 12;

export function shadowFor(fit: FitKey): ContactShadow {
  const found = memo.get(fit);
  if (found) return found;
  const rail = railOutline(fits[fit]);
  const marginMm = rail.widthMm * 0.6;
  const widthMm = rail.lengthMm + 2 * marginMm;
  const heightMm = rail.widthMm + 2 * marginMm;
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(widthMm * PIXELS_PER_MM);
  canvas.height = Math.ceil(heightMm * PIXELS_PER_MM);
  const context = canvas.getContext("2d");
  if (context) {
    // Paint the outline far off the canvas and let only its blurred shadow fall on it.
    const offset = canvas.width * 2;
    const s = PIXELS_PER_MM;
    context.shadowColor = "rgba(0, 0, 0, 0.55)";
    context.shadowBlur = marginMm * s * 0.5;
    context.shadowOffsetX = offset;
    context.beginPath();
    context.roundRect(
      marginMm * s - offset,
      marginMm * s,
      rail.lengthMm * s,
      rail.widthMm * s,
      rail.radiusMm * s,
    );
    context.fill();
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  const material = new MeshBasicMaterial({ map: texture, transparent: true, depthWrite: false });
  const geometry = new PlaneGeometry(widthMm, heightMm);
  geometry.rotateX(-Math.PI / 2);
  geometry.translate(0, -0.02, 0);
  const shadow = { geometry, material };
  memo.set(fit, shadow);
  return shadow;
}
