import { describe, expect, it } from "vitest";
import {
  $selection,
  defaultSelection,
  parseSelection,
  selectColour,
  selectFit,
  selectionToSearch,
  setOpening,
} from "../../src/lib/selection.ts";

describe("selection in the URL", () => {
  it.each([
    ["", defaultSelection, []],
    ["?fit=phone&colour=coral&open=1", { fit: "phone", colour: "coral", opening: 1 }, []],
    ["?fit=monitor&color=sky-blue", { fit: "monitor", colour: "sky-blue", opening: 0 }, []],
    ["?fit=toaster&colour=coral", { ...defaultSelection, colour: "coral" }, ["fit"]],
    ["?fit=laptop&colour=red", defaultSelection, ["colour"]],
    ["?open=2", defaultSelection, ["open"]],
    ["?open=abc", defaultSelection, ["open"]],
    ["?open=", defaultSelection, ["open"]],
    ["?fit=__proto__&colour=constructor", defaultSelection, ["fit", "colour"]],
    ["?open=0.5&utm_source=x", { ...defaultSelection, opening: 0.5 }, []],
  ])("parses %j", (search, selection, rejected) => {
    expect(parseSelection(search)).toEqual({ selection, rejected });
  });

  it("round-trips a selection and keeps unrelated parameters", () => {
    const selection = { fit: "tablet", colour: "space-grey", opening: 0.333 } as const;
    const search = selectionToSearch(selection, "?ref=acme&color=white");
    expect(search).toBe("?ref=acme&fit=tablet&colour=space-grey&open=0.33");
    expect(parseSelection(search).selection).toEqual({ ...selection, opening: 0.33 });
  });

  it("updates the shared store and clamps the opening", () => {
    $selection.set(defaultSelection);
    selectFit("phone");
    selectColour("white");
    setOpening(5);
    expect($selection.get()).toEqual({ fit: "phone", colour: "white", opening: 1 });
    setOpening(-1);
    expect($selection.get().opening).toBe(0);
  });
});
