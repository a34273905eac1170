import type { Page } from "@playwright/test";

/** Types both ends of the dashboard's global date range (YYYY-MM-DD), as an admin would. */
export async function chooseDates(page: Page, from: string, to: string): Promise<void> {
  // Key by key: the date picker reads what is typed on each key, not a pasted value.
  for (const [input, value] of [[page.locator("#filters-range input").first(), from], [page.locator("#filters-range input").last(), to]] as const) {
    await input.click();
    await input.press("ControlOrMeta+a");
    await input.pressSequentially(value);
    await input.press("Enter");
  }
  await page.keyboard.press("Escape");
}
