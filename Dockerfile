# FKI Bot: a production image. Build: docker build -t fki-bot .   Run: see README, "Deploying to Azure".

# 1. Build: all dependencies, compile TypeScript to dist/, then keep production dependencies only.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY bot ./bot
COPY cards ./cards
COPY bench/echoBot.ts ./bench/echoBot.ts
RUN npm run build && npm prune --omit=dev

# 2. Run: compiled JavaScript and production dependencies, as the unprivileged user `node`.
FROM node:20-slim
ENV NODE_ENV=production \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
# The registry, journals and documents when no DATABASE_URL is set: keep them on a volume.
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# SIGTERM: no new work, deliveries in flight finish, storage closed, exit (at most 25 s).
STOPSIGNAL SIGTERM
# The old generation is capped at 192 MB (5,000 systems keep about 70 MB alive). Under a cap that small
# V8 would collect whenever the old generation grew by a tenth, costing about 15 % of the CPU of each
# request; it may grow to twice what survived instead (docs/performance.md). The same flags as `npm start`.
CMD ["node", "--enable-source-maps", "--disable-warning=DEP0111", "--max-old-space-size=192", "--heap-growing-percent=100", "dist/bot/main.js"]
