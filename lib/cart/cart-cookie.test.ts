import { describe, expect, it } from "vitest";
import { cartCountFromCookies } from "./cart-cookie.ts";

describe("cartCountFromCookies", () => {
  it("reads the count among other cookies", () => {
    expect(cartCountFromCookies("a=1; cart_count=3; b=2")).toBe(3);
    expect(cartCountFromCookies("cart_count=12")).toBe(12);
  });

  it("is 0 when the cookie is absent or not a count", () => {
    expect(cartCountFromCookies("")).toBe(0);
    expect(cartCountFromCookies("my_cart_count=5")).toBe(0);
    expect(cartCountFromCookies("cart_count=abc")).toBe(0);
    expect(cartCountFromCookies("cart_count=99999")).toBe(0);
  });
});
