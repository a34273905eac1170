import { describe, expect, it } from "vitest";
import { clickProperties } from "./clicks.ts";

/** Just enough of an element for clickProperties: selectors of tags and [attr] / [attr=value]. */
class FakeElement {
  parentElement: FakeElement | null = null;
  readonly tagName: string;
  constructor(
    tag: string,
    private readonly attributes: Record<string, string> = {},
    private readonly ownText = "",
    readonly children: FakeElement[] = [],
  ) {
    this.tagName = tag.toUpperCase();
    for (const child of children) child.parentElement = this;
  }
  get id(): string {
    return this.attributes.id ?? "";
  }
  get href(): string | undefined {
    return this.tagName == "A" && this.attributes.href ? new URL(this.attributes.href, "https://shop.test/").href : undefined;
  }
  get innerText(): string {
    return [this.ownText, ...this.children.map((child) => child.innerText)].join(" ");
  }
  getAttribute(name: string): string | null {
    return this.attributes[name] ?? null;
  }
  matches(selectors: string): boolean {
    return selectors.split(",").some((selector) => {
      const [, tag, name, value] = /^([a-z]*)(?:\[([\w-]+)(?:=([\w-]+))?\])?$/.exec(selector.trim())!;
      if (tag && tag.toUpperCase() != this.tagName) return false;
      if (name && (value === undefined ? !(name in this.attributes) : this.attributes[name] != value)) return false;
      return true;
    });
  }
  closest(selectors: string): FakeElement | null {
    return this.matches(selectors) ? this : (this.parentElement?.closest(selectors) ?? null);
  }
}

const el = (...args: ConstructorParameters<typeof FakeElement>) => new FakeElement(...args);
const click = (target: FakeElement) => clickProperties(target as unknown as Element);

describe("clickProperties", () => {
  it("describes a link by its tag, id, stripped href and visible text", () => {
    const icon = el("span", {}, "  Add\n   to   cart ");
    el("a", { id: "buy", href: "/cart?token=secret&item=42" }, "", [icon]);
    expect(click(icon)).toEqual({ tag: "a", id: "buy", href: "https://shop.test/cart?item=42", text: "Add to cart" });
  });

  it("records buttons, role=button/link/tab/menuitem, submit inputs and summary", () => {
    expect(click(el("button", {}, "Save"))).toEqual({ tag: "button", text: "Save" });
    for (const role of ["button", "link", "tab", "menuitem"]) expect(click(el("div", { role }, "Go"))).toEqual({ tag: "div", role, text: "Go" });
    expect(click(el("summary", {}, "Specs"))).toEqual({ tag: "summary", text: "Specs" });
    expect(click(el("input", { type: "submit", value: "Pay 599.99" }))).toEqual({ tag: "input" });
  });

  it("ignores clicks on anything else", () => {
    expect(click(el("div", {}, "Some text"))).toBeUndefined();
    expect(click(el("input", { type: "text" }))).toBeUndefined();
  });

  it("never records an input's value, nor anything inside [data-cs-private]", () => {
    expect(click(el("input", { type: "button", value: "ada@example.com" }))).toEqual({ tag: "input" });
    const inner = el("span", {}, "Ada Lovelace, 12 Main St");
    el("section", { "data-cs-private": "" }, "", [el("button", {}, "", [inner])]);
    expect(click(inner)).toBeUndefined();
  });

  it("never records a click in a password, email, tel or number field", () => {
    for (const type of ["password", "email", "tel", "number"]) {
      const field = el("input", { type });
      el("button", {}, "Show", [field]);
      expect(click(field)).toBeUndefined();
    }
  });

  it("cuts text at 160 characters and masks e-mail addresses in it", () => {
    expect(click(el("button", {}, "x".repeat(400)))?.text).toHaveLength(160);
    expect(click(el("button", {}, "Send to ada@example.com"))?.text).toBe("Send to [email]");
  });
});
