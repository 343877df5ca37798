/**
 * The lazily loaded half of the widget: React, three.js and the view. The loader imports this
 * module only when its element comes near the screen.
 */
import { createRoot } from "react-dom/client";
import WidgetView, { type WidgetViewProps } from "./WidgetView.tsx";

export interface IslandHandle {
  update(props: WidgetViewProps): void;
  /** Unmounts React; R3F then disposes the renderer and gives its WebGL context back. */
  unmount(): void;
}

export function mountIsland(container: HTMLElement, props: WidgetViewProps): IslandHandle {
  const root = createRoot(container);
  root.render(<WidgetView {...props} />);
  return {
    update: (next) => root.render(<WidgetView {...next} />),
    unmount: () => root.unmount(),
  };
}
