import type { Campaign } from "../schema.ts";

/** The schema's CLICK_ID_PARAMS, copied so the bundle never loads zod (a test keeps them equal). */
export const CLICK_ID_PARAMS = "gclid gbraid wbraid dclid msclkid fbclid ttclid li_fat_id twclid".split(" ");

/** UTM tags and the first ad click id of a landing URL, or undefined when it has none. */
export function campaignOf(url: string): Campaign | undefined {
  const campaign: Record<string, string> = {};
  for (const [name, value] of new URL(url).searchParams) {
    const tag = /^utm_(source|medium|campaign|term|content)$/.exec(name)?.[1];
    if (!value) continue;
    if (tag) campaign[tag == "campaign" ? "name" : tag] = value.slice(0, 256);
    else if (CLICK_ID_PARAMS.includes(name) && !campaign.click_id) {
      campaign.click_id_param = name;
      campaign.click_id = value.slice(0, 512);
    }
  }
  return Object.keys(campaign)[0] ? campaign : undefined;
}
