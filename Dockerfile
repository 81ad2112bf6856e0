# The Remit evaluator as a service: `remit serve` on the official Node 20 slim image, as a
# non-root user, records in PostgreSQL (REMIT_DATABASE_URL) or in /data when none is given.
FROM node:20-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10.34.9
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm --filter @remit/cli deploy --prod --legacy /out

FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    REMIT_DATA=/data \
    REMIT_POLICIES=/policies/ziyuan-2026 \
    REMIT_WATCH=off
WORKDIR /app
COPY --from=build /out /app
COPY policies /policies
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 8080
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "/app/dist/main.js", "serve"]
