/**
 * The colours of the cover, with what the 3D view needs to draw each (PBR parameters for
 * three.js's MeshStandardMaterial) and what the shop shows.
 */
export const colours = {
  black: { name: "Black", hex: "#1d1d1f", finish: "matte", roughness: 0.55, metalness: 0 },
  white: { name: "White", hex: "#f4f4f1", finish: "matte", roughness: 0.5, metalness: 0 },
  silver: { name: "Silver", hex: "#c9cbce", finish: "metallic", roughness: 0.32, metalness: 1 },
  "space-grey": {
    name: "Space Grey",
    hex: "#5c5e62",
    finish: "metallic",
    roughness: 0.36,
    metalness: 1,
  },
  "sky-blue": { name: "Sky Blue", hex: "#7fc4e8", finish: "matte", roughness: 0.5, metalness: 0 },
  coral: { name: "Coral", hex: "#f2665a", finish: "matte", roughness: 0.5, metalness: 0 },
} as const;

export type Colours = typeof colours;
export type ColourKey = keyof Colours;
export type ColourSpec = Colours[ColourKey];
export type Finish = ColourSpec["finish"];
export const colourKeys = Object.keys(colours) as [ColourKey, ...ColourKey[]];
export const defaultColour: ColourKey = "black";

export function isColourKey(value: unknown): value is ColourKey {
  return typeof value === "string" && Object.hasOwn(colours, value);
}
