# Caravan in a container: the CLI and `caravan serve`. Built with the Maven wrapper on JDK 25; runs on a
# JDK 25 runtime with the jar's manifest class path (target/caravan.jar + target/lib/).
#   docker build -t caravan .
#   docker run --rm caravan places Baku
#   docker run --rm -p 8080:8080 caravan serve --host 0.0.0.0 --port 8080
# Not built in the project's CI (no container engine there); see README, "Container".
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests install -pl caravan-cli -am

FROM eclipse-temurin:25-jre
RUN useradd --create-home --uid 10001 caravan
WORKDIR /opt/caravan
COPY --from=build /src/caravan-cli/target/caravan.jar ./caravan.jar
COPY --from=build /src/caravan-cli/target/lib ./lib
# Start-up cache recorded at image build time (JEP 514/515), as ./caravan does on first use.
# The JVM can exit 0 with an empty cache when its assembly fails: keep only a non-empty one.
RUN (java -XX:AOTCacheOutput=caravan.aot --enable-native-access=ALL-UNNAMED -jar caravan.jar aot-train >/dev/null 2>&1 && test -s caravan.aot) || rm -f caravan.aot
USER caravan
EXPOSE 8080
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-XX:AOTCache=caravan.aot", "-Xmx1g", "-jar", "caravan.jar"]
CMD ["--help"]
