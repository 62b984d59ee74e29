# The production image: the server binary and the built web app on a slim Debian.
FROM rust:1.95-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq-dev \
 && rm -rf /var/lib/apt/lists/* \
 && rustup target add wasm32-unknown-unknown
WORKDIR /src
COPY . .
RUN cargo xtask build-frontend \
 && cargo build --release --locked --package backend --bin backend

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data app \
 && mkdir -p /data && chown app /data
COPY --from=build /src/target/release/backend /usr/local/bin/backend
COPY --from=build /src/dist /app/dist
# MALLOC_ARENA_MAX: glibc gives every thread that allocates an arena of its own and keeps
# what they freed; two arenas keep the server's memory about 10 MB lower at no measured cost.
ENV HOST=0.0.0.0 PORT=8080 DATA_DIR=/data STATIC_DIR=/app/dist LOG_FORMAT=json MALLOC_ARENA_MAX=2
USER app
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["backend"]
CMD ["serve"]
