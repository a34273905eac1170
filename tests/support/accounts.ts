import { expect, type Page } from "@playwright/test";
import { SIGN_UP_CODE } from "../../dev/testing/shop-system.ts";

export const PASSWORD = "Correct-horse-9";

let counter = 0;
/** An address no other test (or earlier run against the same emulator) has used. */
export function newEmail(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}@example.com`;
}

/**
 * Creates an account through the Authenticator on /sign-in (already open, in either mode) and
 * waits until the shop has adopted the session and sent the browser on.
 */
export async function signUpHere(page: Page, email: string): Promise<void> {
  const createTab = page.getByRole("tab", { name: "Create Account" });
  if ((await createTab.getAttribute("aria-selected")) !== "true") await createTab.click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create Account" }).click();
  await page.getByLabel("Confirmation Code").fill(SIGN_UP_CODE);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}

export async function signInHere(page: Page, email: string): Promise<void> {
  await page.getByRole("tab", { name: "Sign In" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}
