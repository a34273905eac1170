import "server-only";
import { db } from "@/lib/db/client.ts";
import type { VerifiedIdentity } from "./verify-id-token.ts";

export interface Shopper {
  /** Our id for the shopper (app_user.id), used by carts, orders and wishlists. */
  readonly id: string;
  readonly email: string;
  /** Cognito's id for the account (the token's `sub`): the user id analytics events carry. */
  readonly cognitoSub: string;
}

/** The shopper's row, made from the token's claims on their first sign-in; e-mail kept current. */
export async function ensureShopper(identity: VerifiedIdentity): Promise<Shopper> {
  return db().appUser.upsert({
    where: { cognitoSub: identity.sub },
    create: { cognitoSub: identity.sub, email: identity.email },
    update: { email: identity.email, lastSignInAt: new Date() },
    select: { id: true, email: true, cognitoSub: true },
  });
}

/** Whether the shop has met this account before (its first sign-in makes the row). */
export async function shopperExists(identity: VerifiedIdentity): Promise<boolean> {
  return (await db().appUser.count({ where: { cognitoSub: identity.sub } })) > 0;
}

/** The shopper's row if it exists already, else made now (a request may beat the sign-in action). */
export async function findOrCreateShopper(identity: VerifiedIdentity): Promise<Shopper> {
  const found = await db().appUser.findUnique({ where: { cognitoSub: identity.sub }, select: { id: true, email: true, cognitoSub: true } });
  return found ?? ensureShopper(identity);
}
