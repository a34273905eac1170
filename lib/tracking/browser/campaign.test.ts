import { describe, expect, it } from "vitest";
import { CLICK_ID_PARAMS as schemaClickIds } from "../schema.ts";
import { campaignOf, CLICK_ID_PARAMS } from "./campaign.ts";

describe("campaignOf", () => {
  it("keeps the same click id parameters as the schema", () => {
    expect(CLICK_ID_PARAMS).toEqual([...schemaClickIds]);
  });

  it("reads the UTM tags, utm_campaign as name", () => {
    expect(campaignOf("https://shop.test/?utm_source=news&utm_medium=email&utm_campaign=black-friday&utm_term=gpu&utm_content=hero&x=1")).toEqual({
      source: "news",
      medium: "email",
      name: "black-friday",
      term: "gpu",
      content: "hero",
    });
  });

  it("reads the first ad click id", () => {
    expect(campaignOf("https://shop.test/p?fbclid=F1&gclid=G1")).toEqual({ click_id_param: "fbclid", click_id: "F1" });
  });

  it("ignores empty values and says undefined without a campaign", () => {
    expect(campaignOf("https://shop.test/?utm_source=&gclid=")).toBeUndefined();
    expect(campaignOf("https://shop.test/products/x?ref=home")).toBeUndefined();
  });

  it("cuts values to the schema's lengths", () => {
    const campaign = campaignOf(`https://shop.test/?utm_source=${"s".repeat(300)}&msclkid=${"m".repeat(600)}`);
    expect(campaign?.source).toHaveLength(256);
    expect(campaign?.click_id).toHaveLength(512);
  });
});
