# syntax=docker/dockerfile:1
# tenken's image. Build: docker build -t tenken .
#   docker run ... tenken              serves the app (server.js) on port 3000
#   docker run ... tenken migrate.js   applies migrations, loads the checklist and the first admin, then exits
#
# Two stages: the builder has npm and the whole toolchain; the runtime has Node.js and the standalone
# output only, on distroless (no shell, no package manager), as the unprivileged user nonroot
# (uid 65532). The app keeps no state on disk, so the root filesystem can be mounted read-only
# with a temporary directory at /tmp (compose.yaml and deploy/kubernetes do).

FROM node:24-bookworm-slim AS builder
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
# The lock file alone first, so that a change of source reuses the installed packages' layer.
# Install scripts are skipped as on the developers' machines: the build needs none of them.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# Generates the Prisma client and builds .next/standalone, with .next/static, public and
# migrate.js already inside it.
RUN npm run build

FROM gcr.io/distroless/nodejs24-debian12:nonroot AS runtime
WORKDIR /app
# The heap cap tenken is measured with (scripts/build-if-stale.ts): without it V8 sizes the heap
# from the node's memory and lets garbage pile up far past what tenken keeps.
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-old-space-size=192 \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# Owned by nonroot, so that a plain `docker run` without --read-only can still write what Next.js
# caches beside the build; with a read-only root filesystem nothing here is written at all.
COPY --from=builder --chown=nonroot:nonroot /src/.next/standalone ./
USER 65532:65532
EXPOSE 3000
# The distroless image's entrypoint is node itself, so the command is the script to run.
# No HEALTHCHECK: curl is not in the image, the same image also runs the one-shot migrate.js (which
# a health check would mark unhealthy), and Kubernetes ignores it anyway. compose.yaml checks the
# app with node's own fetch; Kubernetes with its probes.
CMD ["server.js"]
