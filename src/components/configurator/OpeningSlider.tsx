/**
 * The slider as a real control: focusable, arrow keys, Home/End, PageUp/PageDown, and pointer
 * (mouse, pen, touch) drag along a little rail. It writes the shared selection store, which the
 * 3D view, the poster and the URL follow.
 */
import { type KeyboardEvent, type PointerEvent, useRef } from "react";
import type { Translate } from "../../i18n/index.ts";
import { setOpening } from "../../lib/selection.ts";

export interface OpeningSliderProps {
  opening: number;
  labelId: string;
  t: Translate;
}

const STEP = 0.1;
const PAGE = 0.25;

export function openingText(opening: number, t: Translate): string {
  if (opening <= 0) return t("configurator.covered");
  if (opening >= 1) return t("configurator.open");
  return t("configurator.partlyOpen", { percent: Math.round(opening * 100) });
}

export default function OpeningSlider({ opening, labelId, t }: OpeningSliderProps) {
  const track = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  const fromPointer = (clientX: number) => {
    const rect = track.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    setOpening((clientX - rect.left) / rect.width);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = (() => {
      switch (event.key) {
        case "ArrowRight":
        case "ArrowUp":
          return opening + STEP;
        case "ArrowLeft":
        case "ArrowDown":
          return opening - STEP;
        case "PageUp":
          return opening + PAGE;
        case "PageDown":
          return opening - PAGE;
        case "Home":
          return 0;
        case "End":
          return 1;
        default:
          return undefined;
      }
    })();
    if (next === undefined) return;
    event.preventDefault();
    // Round to whole percent so repeated steps land on 0.1, 0.2, … and not 0.30000000000000004.
    setOpening(Math.round(next * 100) / 100);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    fromPointer(event.clientX);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) fromPointer(event.clientX);
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = false;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    }
  };

  const percent = Math.round(opening * 100);
  return (
    <div
      ref={track}
      className="configurator__track"
      role="slider"
      tabIndex={0}
      aria-labelledby={labelId}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={openingText(opening, t)}
      aria-orientation="horizontal"
      data-testid="opening-slider"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <span className="configurator__thumb" style={{ left: `${percent}%` }} aria-hidden="true" />
    </div>
  );
}
