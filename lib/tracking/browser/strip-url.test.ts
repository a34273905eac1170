import { describe, expect, it } from "vitest";
import { stripUrl } from "./strip-url.ts";

describe("stripUrl", () => {
  it("removes credential parameters and keeps the rest", () => {
    const url = stripUrl(
      "https://shop.test/account?q=laptop&token=a&access_token=b&id_token=c&code=d&password=e&auth=f&key=g&api_key=h&secret=i&session=j&session_id=k&jwt=l&keyword=ok&page=2",
    );
    expect(url).toBe("https://shop.test/account?q=laptop&keyword=ok&page=2");
  });

  it("removes parameters whose value is an e-mail address, under any name", () => {
    expect(stripUrl("https://shop.test/newsletter?ref=ada%40example.com&x=1&to=bob@example.org")).toBe("https://shop.test/newsletter?x=1");
  });

  it("redacts e-mail addresses in the path, plain or percent-encoded", () => {
    expect(stripUrl("https://shop.test/users/ada@example.com/orders")).toBe("https://shop.test/users/redacted/orders");
    expect(stripUrl("https://shop.test/users/ada%40example.com")).toBe("https://shop.test/users/redacted");
  });

  it("drops a fragment carrying values (OAuth tokens) and keeps a plain anchor", () => {
    expect(stripUrl("https://shop.test/cb#access_token=abc&state=x")).toBe("https://shop.test/cb");
    expect(stripUrl("https://shop.test/products/x#reviews")).toBe("https://shop.test/products/x#reviews");
  });

  it("leaves a clean URL exactly as it was", () => {
    const clean = "https://shop.test/search?q=rtx%204070&brand=asus&sort=price-asc";
    expect(stripUrl(clean)).toBe(clean);
  });

  it("strips referrers the same way and says null for no URL at all", () => {
    expect(stripUrl("https://mail.test/inbox?user=ada@example.com&tab=1")).toBe("https://mail.test/inbox?tab=1");
    expect(stripUrl("")).toBeNull();
    expect(stripUrl("/relative")).toBeNull();
  });
});
