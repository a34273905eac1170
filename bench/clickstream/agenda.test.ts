import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Agenda } from "./agenda.ts";

describe("Agenda", () => {
  it("gives items back earliest first, same times in the order they were added, however pushes and pops interleave", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }), { maxLength: 200 }), (steps) => {
        const agenda = new Agenda<number>();
        const model: Array<{ at: number; id: number }> = [];
        steps.forEach((at, id) => {
          if (at === undefined) {
            model.sort((a, b) => a.at - b.at || a.id - b.id);
            const expected = model.shift();
            const got = agenda.pop();
            expect(got === undefined ? undefined : { at: got.at, id: got.item }).toEqual(expected);
          } else {
            agenda.push(at, id);
            model.push({ at, id });
          }
          expect(agenda.size).toBe(model.length);
        });
      }),
    );
  });
});
