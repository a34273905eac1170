/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // CloudFront compresses for shoppers in production, so the server's own gzip and per-response
  // ETag (a hash of the whole HTML, computed on every cache hit) only cost CPU: together they were
  // about a fifth of a cached product page's server time (bench/storefront-vs-static.bench.ts).
  compress: false,
  generateEtags: false,
  typedRoutes: true,
  // Prisma's pg adapter and the generated client run on the server only.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  // Cached pages (product pages, revalidated every 300 s) may be served stale for at most this
  // long in all, by Next and by a CDN honouring stale-while-revalidate: stock shown stays recent.
  expireTime: 600,
};

export default nextConfig;
