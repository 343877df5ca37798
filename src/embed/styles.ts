/**
 * The widget's styles, inside its shadow root: nothing of the host page's CSS reaches in, and
 * nothing here leaks out. Retailers theme it through the custom properties and ::part()s
 * documented on the element.
 */
export const widgetCss = `
:host {
  display: block;
  contain: content;
  color: var(--camslide-fg, #1d1d1b);
  background: var(--camslide-bg, #ffffff);
  font: 15px/1.4 var(--camslide-font, system-ui, sans-serif);
  border-radius: var(--camslide-radius, 12px);
  overflow: hidden;
  text-align: start;
}
:host([hidden]) { display: none; }
.widget, .placeholder { display: grid; gap: 12px; padding: 12px; }
.stage { position: relative; aspect-ratio: 4 / 3; border-radius: calc(var(--camslide-radius, 12px) / 2); overflow: hidden; background: #efede8; }
.poster, .poster svg, .canvas { position: absolute; inset: 0; width: 100%; height: 100%; }
.poster[hidden] { display: none; }
.controls { display: grid; gap: 8px; }
.field { font-weight: 600; font-size: 13px; }
select { font: inherit; padding: 6px; border-radius: 6px; border: 1px solid #b8b4ab; background: #fff; color: #1d1d1b; }
fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 8px; }
legend { padding: 0; margin-bottom: 6px; }
.swatch { position: relative; width: 28px; height: 28px; }
.swatch input { position: absolute; inset: 0; margin: 0; opacity: 0; cursor: pointer; }
.swatch span { display: block; width: 100%; height: 100%; border-radius: 50%; border: 2px solid #d7d3ca; box-sizing: border-box; }
.swatch input:checked + span { border-color: var(--camslide-accent, #0b6e4f); box-shadow: 0 0 0 2px var(--camslide-accent, #0b6e4f); }
.swatch input:focus-visible + span { outline: 2px solid var(--camslide-accent, #0b6e4f); outline-offset: 2px; }
.price { margin: 0; font-size: 18px; font-weight: 700; }
button { font: inherit; font-weight: 600; padding: 10px 16px; border: 0; border-radius: 8px; cursor: pointer; color: #fff; background: var(--camslide-accent, #0b6e4f); }
button:disabled { opacity: 0.6; cursor: default; }
`;
