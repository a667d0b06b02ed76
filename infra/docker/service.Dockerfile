# One Dockerfile for the four services (they build and run alike); compose passes SERVICE.
# Build context: the repository root; service.Dockerfile.dockerignore beside this file keeps build output out.

FROM eclipse-temurin:21-jdk AS build
ARG SERVICE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY infra infra
COPY tour-catalog-service tour-catalog-service
COPY registration-service registration-service
COPY billing-service billing-service
COPY notification-service notification-service
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl ${SERVICE} -am package -DskipTests \
 && java -Djarmode=tools -jar ${SERVICE}/target/${SERVICE}-*-exec.jar extract --layers --launcher --destination /app

FROM eclipse-temurin:21-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home studietur
WORKDIR /app
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
