import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_TO, safeReturnTo } from "./return-to.ts";
import { signInHref } from "./routes.ts";

describe("safeReturnTo", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeReturnTo("/checkout")).toBe("/checkout");
    expect(safeReturnTo("/c/laptops?brand=acme&page=2")).toBe("/c/laptops?brand=acme&page=2");
    expect(safeReturnTo(["/cart", "/x"])).toBe("/cart");
  });

  it.each(["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "checkout", "/a\nb", `/${"x".repeat(600)}`, 42, undefined])(
    "sends %j to the account page instead",
    (raw) => {
      expect(safeReturnTo(raw)).toBe(DEFAULT_RETURN_TO);
    },
  );

  it("builds sign-in links that carry a safe return path", () => {
    expect(signInHref("/checkout")).toBe("/sign-in?next=%2Fcheckout");
    expect(signInHref("//evil.example")).toBe("/sign-in?next=%2Faccount");
    expect(signInHref(undefined, "sign-up")).toBe("/sign-in?mode=sign-up");
  });
});
