"use client";

import { useActionState, useState } from "react";
import { formatPrice } from "@/lib/format/price.ts";
import { placeOrderAction, type CheckoutState } from "@/lib/orders/actions.ts";
import { SHIPPING_COUNTRIES, type CheckoutFieldErrors } from "@/lib/orders/checkout-form.ts";
import type { ShippingMethodId } from "@/lib/orders/shipping.ts";
import styles from "./checkout-form.module.css";

export interface ShippingChoice {
  id: ShippingMethodId;
  label: string;
  delivery: string;
  /** What it costs for this cart (decided by the server; the order is priced again when placed). */
  costCents: number;
}

const IDLE: CheckoutState = { status: "idle" };

type FieldName = keyof CheckoutFieldErrors;

function Field({
  name,
  label,
  errors,
  autoComplete,
  required = true,
  maxLength,
}: {
  name: FieldName;
  label: string;
  errors: CheckoutFieldErrors;
  autoComplete: string;
  required?: boolean;
  maxLength: number;
}) {
  const error = errors[name];
  const id = `checkout-${name}`;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>
        {label}
        {required ? null : <span className={styles.optional}> (optional)</span>}
      </label>
      <input
        id={id}
        name={name}
        autoComplete={autoComplete}
        required={required}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Shipping address, method and "Place order". A plain form post without JavaScript; the hidden
 * key makes a second submit of this same form find the first order instead of placing another.
 */
export function CheckoutForm({
  idempotencyKey,
  choices,
  subtotalCents,
  currency,
}: {
  idempotencyKey: string;
  choices: ShippingChoice[];
  subtotalCents: number;
  currency: string;
}) {
  const [state, action, pending] = useActionState(placeOrderAction, IDLE);
  const [method, setMethod] = useState<ShippingMethodId>(choices[0]?.id ?? "standard");
  const errors = state.status === "error" ? state.fieldErrors : {};
  const shipping = choices.find((choice) => choice.id === method)?.costCents ?? 0;

  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {state.status === "error" ? (
        <p role="alert" className={styles.formError}>
          {state.message}
        </p>
      ) : null}

      <fieldset className={styles.group}>
        <legend>Shipping address</legend>
        <Field name="name" label="Full name" autoComplete="shipping name" errors={errors} maxLength={100} />
        <Field name="line1" label="Street address" autoComplete="shipping address-line1" errors={errors} maxLength={200} />
        <Field name="line2" label="Apartment, suite, etc." autoComplete="shipping address-line2" errors={errors} required={false} maxLength={200} />
        <div className={styles.row}>
          <Field name="city" label="City" autoComplete="shipping address-level2" errors={errors} maxLength={100} />
          <Field name="region" label="State or region" autoComplete="shipping address-level1" errors={errors} required={false} maxLength={100} />
          <Field name="postalCode" label="Postal code" autoComplete="shipping postal-code" errors={errors} maxLength={20} />
        </div>
        <div className={styles.field}>
          <label htmlFor="checkout-country">Country</label>
          <select
            id="checkout-country"
            name="country"
            autoComplete="shipping country"
            defaultValue="US"
            aria-invalid={errors.country ? true : undefined}
            aria-describedby={errors.country ? "checkout-country-error" : undefined}
          >
            {SHIPPING_COUNTRIES.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          {errors.country ? (
            <p id="checkout-country-error" className={styles.fieldError}>
              {errors.country}
            </p>
          ) : null}
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Shipping method</legend>
        {choices.map((choice) => (
          <label key={choice.id} className={styles.choice}>
            <input type="radio" name="shippingMethod" value={choice.id} checked={method === choice.id} onChange={() => setMethod(choice.id)} />
            <span className={styles.choiceText}>
              <strong>{choice.label}</strong> · {choice.delivery}
            </span>
            <span>{choice.costCents === 0 ? "Free" : formatPrice(choice.costCents, currency)}</span>
          </label>
        ))}
        {errors.shippingMethod ? <p className={styles.fieldError}>{errors.shippingMethod}</p> : null}
      </fieldset>

      <dl className={styles.totals}>
        <div>
          <dt>Subtotal</dt>
          <dd>{formatPrice(subtotalCents, currency)}</dd>
        </div>
        <div>
          <dt>Shipping</dt>
          <dd>{shipping === 0 ? "Free" : formatPrice(shipping, currency)}</dd>
        </div>
        <div className={styles.total}>
          <dt>Total</dt>
          <dd>{formatPrice(subtotalCents + shipping, currency)}</dd>
        </div>
      </dl>
      <p className={styles.note}>
        No payment is taken: this shop records your order as placed and charges no card. Prices and stock are checked again when you
        place the order.
      </p>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Placing your order…" : "Place order"}
      </button>
    </form>
  );
}
