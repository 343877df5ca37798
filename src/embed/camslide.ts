/**
 * The retailer widget's loader, served as /embed/camslide.js:
 *
 *   <script type="module" src="https://shop.example/embed/camslide.js"></script>
 *   <camslide-configurator retailer="acme" fit="laptop" colour="black"></camslide-configurator>
 */
import { CamslideConfigurator } from "./CamslideConfigurator.ts";

export type * from "./events.ts";
export { CamslideConfigurator };

if (!customElements.get("camslide-configurator")) {
  customElements.define("camslide-configurator", CamslideConfigurator);
}
