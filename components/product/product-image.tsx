import Image from "next/image";
import { PRODUCT_IMAGE_HEIGHT, PRODUCT_IMAGE_WIDTH, productImageAlt } from "@/lib/catalog/product-image-svg.ts";
import type { ProductImageSubject } from "@/lib/catalog/product-image-version.ts";
import { productImageHref } from "@/lib/catalog/routes.ts";
import styles from "./product-image.module.css";

interface ProductImageProps {
  product: ProductImageSubject;
  size?: "card" | "hero";
  /** Fetched at once and early (the product page's own picture); cards load as they scroll near. */
  preload?: boolean;
}

/**
 * The product's picture: generated per product (app/images/products/[slug]/[version]), an SVG
 * served as is (`unoptimized`: there is nothing to resize), versioned and cached for good.
 */
export function ProductImage({ product, size = "card", preload = false }: ProductImageProps) {
  return (
    <div className={`${styles.frame} ${styles[size]}`}>
      <Image
        className={styles.image}
        src={productImageHref(product)}
        width={PRODUCT_IMAGE_WIDTH}
        height={PRODUCT_IMAGE_HEIGHT}
        alt={productImageAlt(product)}
        unoptimized
        preload={preload}
        loading={preload ? "eager" : "lazy"}
      />
    </div>
  );
}
