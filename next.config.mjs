/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: true,
  // Prisma's pg adapter and the generated client run on the server only.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
};

export default nextConfig;
