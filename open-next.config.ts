import type { OpenNextConfig } from "@opennextjs/aws/types/open-next";

/**
 * OpenNext 4 build settings (read by `open-next build`, which SST's NextjsSite runs on deploy).
 *
 * The image optimization function runs on arm64 Lambda (SST's NextjsSite), so sharp must be the
 * linux/arm64 build. OpenNext's own install passes `--arch`, which npm 10+ ignores when it picks
 * sharp's optional native package, so without `--cpu=arm64` the build machine's binary (x64)
 * ships and image optimization fails on Lambda. The version matches what Next itself depends on
 * (sharp ≥ 0.33 ships libvips inside an npm package; 0.32 downloaded it from outside npm).
 */
const config = {
  default: {},
  imageOptimization: {
    install: {
      packages: ["sharp@0.35.5"],
      arch: "arm64",
      os: "linux",
      libc: "glibc",
      additionalArgs: "--cpu=arm64",
    },
  },
} satisfies OpenNextConfig;

export default config;
