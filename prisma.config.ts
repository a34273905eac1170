import { defineConfig } from "prisma/config";

// The schema is applied by node-pg-migrate (see dev/migrate.ts), never by `prisma migrate`.
// `generate` needs no database, so a placeholder URL keeps it working without one.
export default defineConfig({
  schema: "prisma/schema.prisma",
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused",
  },
});
