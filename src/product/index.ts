export * from "./catalogue.ts";
export * from "./colours.ts";
export * from "./fits.ts";
export * from "./markets.ts";
export * from "./policy.ts";
export * from "./production.ts";
export * from "./routes.ts";
