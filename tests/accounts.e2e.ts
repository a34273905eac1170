import { expect, test } from "@playwright/test";
import { SIGN_UP_CODE, startShopSystem, type ShopSystem } from "../dev/testing/shop-system.ts";
import { newEmail, PASSWORD, signUpHere } from "./support/accounts.ts";

// Accounts against cognito-local: sign up, sign out, forgot password, sign in again; and the
// server's refusal of any session it cannot verify itself.
let running: ShopSystem;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  running = await startShopSystem();
});
test.afterAll(async () => {
  await running?.stop();
});

test("sign up, sign out, reset a forgotten password, sign in with the new one", async ({ page }) => {
  test.setTimeout(120_000);
  const email = newEmail("forgetful");
  await page.goto(`${running.shop}/sign-in?mode=sign-up`);
  await signUpHere(page, email);
  await expect(page).toHaveURL(`${running.shop}/account`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(`${running.shop}/`);

  await page.goto(`${running.shop}/sign-in`);
  await page.getByRole("button", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByLabel(/^Code/).fill(SIGN_UP_CODE);
  const renewed = `${PASSWORD}-renewed`;
  await page.getByLabel("New Password", { exact: true }).fill(renewed);
  await page.getByLabel("Confirm Password").fill(renewed);
  await page.getByRole("button", { name: "Submit" }).click();

  // Back on the sign-in form: the old password no longer works; the new one does.
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Cognito says "Incorrect username or password.", cognito-local "Invalid password".
  await expect(page.getByText(/Incorrect username or password|Invalid password/)).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(renewed);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(`${running.shop}/account`);
  await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
});

test("a session cookie the server cannot verify counts as no session", async ({ page, context }) => {
  const url = new URL(running.shop);
  const base = { domain: url.hostname, path: "/" };
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const forged = `${encode({ alg: "none", typ: "JWT" })}.${encode({ sub: "someone", email: "admin@example.com", token_use: "id", exp: 9_999_999_999 })}.`;
  // Amplify's cookie layout for the shop's own app client, holding an unsigned token.
  const clientId = /client (\w+)/.exec(running.system.urls.cognito ?? "")?.[1];
  if (!clientId) throw new Error("the system reports no Cognito app client");
  await context.addCookies([
    { ...base, name: `CognitoIdentityServiceProvider.${clientId}.LastAuthUser`, value: "admin" },
    { ...base, name: `CognitoIdentityServiceProvider.${clientId}.admin.idToken`, value: forged },
  ]);
  await page.goto(`${running.shop}/account`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  const response = await page.goto(`${running.shop}/account/orders`);
  expect(response?.url()).toMatch(/\/sign-in\?next=/);
});
