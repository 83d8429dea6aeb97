// The image, Compose and Kubernetes files are read as a cluster or Docker would read them (YAML,
// Dockerfile lines) and held to the properties the README promises: non-root, read-only, the
// probes on the right paths and port, the migration before the app, the same image everywhere.
// No Docker engine or cluster runs in CI, so this is what checks them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";

import { envSchema } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "..");
const kubernetesDir = path.join(root, "deploy/kubernetes");
const UID = 65532;

// The manifests' shapes, as far as these checks read them.
type Labels = Record<string, string>;
type Probe = { httpGet?: { path?: string; port?: string | number } };
type SecurityContext = Record<string, unknown> & { capabilities?: { drop?: string[] } };
type Container = {
  name: string;
  image?: string;
  args?: string[];
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  securityContext?: SecurityContext;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  lifecycle?: { preStop?: { sleep?: { seconds: number }; exec?: unknown } };
  volumeMounts?: { name: string; mountPath: string }[];
};
type PodSpec = {
  containers: Container[];
  securityContext?: SecurityContext;
  volumes?: { name: string; emptyDir?: object }[];
  restartPolicy?: string;
  terminationGracePeriodSeconds?: number;
  automountServiceAccountToken?: boolean;
};
type PodTemplate = { metadata: { labels: Labels }; spec: PodSpec };
type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Labels };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
};

function parseYamlFile(file: string): unknown[] {
  // merge: Compose files share settings through `<<:` keys, as Compose itself reads them.
  const documents = parseAllDocuments(readFileSync(file, "utf8"), { merge: true });
  const list = Array.isArray(documents) ? documents : [documents];
  for (const document of list)
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.join("; ")}`);
  return list.map((document) => document.toJS()).filter((value) => value !== null);
}

const kubernetesFiles = readdirSync(kubernetesDir).filter((file) => /\.ya?ml$/.test(file));
const kustomization = parseYamlFile(path.join(kubernetesDir, "kustomization.yaml"))[0] as {
  resources: string[];
  images?: { name: string; newName?: string; newTag?: string }[];
};
// Every manifest in the folder, listed in kustomization.yaml or not (the first test checks that).
const manifestFiles = kubernetesFiles.filter((file) => file !== "kustomization.yaml");
const manifests = manifestFiles.flatMap(
  (file) => parseYamlFile(path.join(kubernetesDir, file)) as Manifest[],
);

function manifest(kind: string): Manifest {
  const found = manifests.filter((candidate) => candidate.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind} in deploy/kubernetes, found ${found.length}`);
  return found[0]!;
}

const deployment = manifest("Deployment");
const job = manifest("Job");
const service = manifest("Service");
const budget = manifest("PodDisruptionBudget");
const configMap = manifest("ConfigMap");
const secret = manifest("Secret");
const deploymentSpec = deployment.spec as {
  replicas: number;
  selector: { matchLabels: Labels };
  strategy: {
    type: string;
    rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string };
  };
  template: PodTemplate;
};
const podTemplate = deploymentSpec.template;
const app = podTemplate.spec.containers[0]!;
const jobTemplate = (job.spec as { template: PodTemplate }).template;
const migrate = jobTemplate.spec.containers[0]!;

/** Whether a label selector picks pods with these labels. */
function selects(selector: Labels, labels: Labels) {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/** A memory quantity in bytes (Ki, Mi, Gi or plain). */
function bytes(quantity: string) {
  const match = /^(\d+)(Ki|Mi|Gi)?$/.exec(quantity);
  if (!match) throw new Error(`unexpected quantity ${quantity}`);
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 }[match[2] ?? ""] ?? 1;
  return Number(match[1]) * unit;
}

/** Whether a probe's or Service's port names the app's container port. */
function isAppPort(port: string | number | undefined) {
  return (app.ports ?? []).some((candidate) => candidate.name === port || candidate.containerPort === port);
}

/** The settings a container gets from the ConfigMap and Secret it names, with the given Secret values. */
function settingsOf(container: Container, secretValues: Record<string, string>) {
  const settings: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      expect(source.configMapRef.name).toBe(configMap.metadata.name);
      Object.assign(settings, configMap.data);
    }
    if (source.secretRef) {
      expect(source.secretRef.name).toBe(secret.metadata.name);
      Object.assign(settings, secretValues);
    }
  }
  for (const variable of container.env ?? []) settings[variable.name] = variable.value ?? "";
  return settings;
}

function expectHardened(spec: PodSpec, container: Container) {
  expect(spec.securityContext).toMatchObject({
    runAsNonRoot: true,
    runAsUser: UID,
    runAsGroup: UID,
    seccompProfile: { type: "RuntimeDefault" },
  });
  expect(container.securityContext).toMatchObject({
    runAsNonRoot: true,
    runAsUser: UID,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
  });
  expect(container.securityContext?.capabilities?.drop).toContain("ALL");
  expect(spec.automountServiceAccountToken).toBe(false);
  // The only writable place, since the root filesystem is read-only: /tmp, on an emptyDir.
  const tmp = container.volumeMounts?.find((mount) => mount.mountPath === "/tmp");
  expect(tmp, "/tmp is mounted").toBeDefined();
  expect(spec.volumes?.find((volume) => volume.name === tmp?.name)?.emptyDir).toBeDefined();
  expect(container.volumeMounts).toHaveLength(1);
  const { requests, limits } = container.resources ?? {};
  expect(requests?.cpu).toBeDefined();
  expect(bytes(requests?.memory ?? "0")).toBeGreaterThanOrEqual(bytes("256Mi"));
  expect(bytes(limits?.memory ?? "0")).toBeGreaterThanOrEqual(bytes(requests?.memory ?? "0"));
}

describe("the Kubernetes manifests", () => {
  it("are all listed in kustomization.yaml, and every file it lists exists", () => {
    expect([...kustomization.resources].sort()).toEqual([...manifestFiles].sort());
    for (const file of kustomization.resources)
      expect(existsSync(path.join(kubernetesDir, file)), file).toBe(true);
    expect(manifests.length).toBeGreaterThanOrEqual(manifestFiles.length);
    for (const item of manifests) {
      expect(item.apiVersion, item.kind).toBeTruthy();
      expect(item.metadata.name, item.kind).toBeTruthy();
    }
  });

  it("run two replicas, rolled one at a time without ever going below two ready", () => {
    expect(deploymentSpec.replicas).toBe(2);
    expect(deploymentSpec.strategy.type).toBe("RollingUpdate");
    expect(deploymentSpec.strategy.rollingUpdate?.maxUnavailable).toBe(0);
    expect(Number(deploymentSpec.strategy.rollingUpdate?.maxSurge)).toBeGreaterThan(0);
    expect(selects(deploymentSpec.selector.matchLabels, podTemplate.metadata.labels)).toBe(true);
    expect(app.args ?? app.command).toEqual(["server.js"]);
  });

  it("run the app and the migrate Job as uid 65532, read-only, with no capability and no privilege escalation", () => {
    expectHardened(podTemplate.spec, app);
    expectHardened(jobTemplate.spec, migrate);
    // The same hardening, so that the Job runs wherever the app is allowed to.
    expect(jobTemplate.spec.securityContext).toEqual(podTemplate.spec.securityContext);
    expect(migrate.securityContext).toEqual(app.securityContext);
  });

  it("hold memory to about the app's resident size", () => {
    expect(app.resources?.requests?.memory).toBe("256Mi");
    expect(app.resources?.limits?.memory).toBe("512Mi");
  });

  it("probe the live and ready endpoints on the container's port", () => {
    expect(app.ports).toEqual([expect.objectContaining({ containerPort: 3000 })]);
    expect(app.startupProbe?.httpGet?.path).toBe("/api/health/live");
    expect(app.livenessProbe?.httpGet?.path).toBe("/api/health/live");
    expect(app.readinessProbe?.httpGet?.path).toBe("/api/health/ready");
    for (const probe of [app.startupProbe, app.livenessProbe, app.readinessProbe])
      expect(isAppPort(probe?.httpGet?.port), JSON.stringify(probe)).toBe(true);
    expect(settingsOf(app, {}).PORT).toBe("3000");
  });

  it("stop sending a pod requests before it stops, and give it longer than its pause and its own drain", () => {
    // The image has no shell: the pause is the kubelet's own sleep, never a command.
    const pause = app.lifecycle?.preStop?.sleep?.seconds ?? 0;
    expect(pause).toBeGreaterThan(0);
    expect(app.lifecycle?.preStop?.exec).toBeUndefined();
    const grace = Number(configMap.data?.TENKEN_SHUTDOWN_GRACE_SECONDS);
    expect(grace).toBeGreaterThan(0);
    expect(podTemplate.spec.terminationGracePeriodSeconds).toBeGreaterThan(pause + grace);
  });

  it("send the Service to the app's pods only, on the container's port", () => {
    const spec = service.spec as { selector: Labels; ports: { port: number; targetPort: string | number }[] };
    expect(selects(spec.selector, podTemplate.metadata.labels)).toBe(true);
    expect(selects(spec.selector, jobTemplate.metadata.labels), "the migrate Job's pod is not served").toBe(
      false,
    );
    expect(spec.ports.length).toBeGreaterThan(0);
    for (const port of spec.ports) expect(isAppPort(port.targetPort), String(port.targetPort)).toBe(true);
  });

  it("keep one replica up through a voluntary disruption, counting the app's pods only", () => {
    const spec = budget.spec as {
      minAvailable?: number;
      maxUnavailable?: number;
      selector: { matchLabels: Labels };
    };
    expect(spec.selector.matchLabels).toEqual(deploymentSpec.selector.matchLabels);
    expect(selects(spec.selector.matchLabels, podTemplate.metadata.labels)).toBe(true);
    expect(selects(spec.selector.matchLabels, jobTemplate.metadata.labels)).toBe(false);
    // At least one stays, and a node can still be drained (minAvailable below the replicas).
    expect(spec.minAvailable).toBeGreaterThanOrEqual(1);
    expect(spec.minAvailable).toBeLessThan(deploymentSpec.replicas);
  });

  it("migrate with the same image and settings as the app, once, without restarting in place", () => {
    expect(migrate.args ?? migrate.command).toEqual(["migrate.js"]);
    expect(migrate.image).toBe(app.image);
    expect(kustomization.images?.map((image) => image.name)).toEqual([app.image]);
    expect(migrate.envFrom).toEqual(app.envFrom);
    expect(jobTemplate.spec.restartPolicy).toBe("Never");
  });

  it("ship settings the app accepts, and an example Secret it refuses until filled in", () => {
    expect(configMap.data?.TENKEN_DEMO_DATA).toBe("off");
    const example = secret.stringData ?? {};
    expect(Object.keys(example)).toEqual(
      expect.arrayContaining([
        "DATABASE_URL",
        "TENKEN_AUTH_SECRET",
        "TENKEN_ADMIN_EMAIL",
        "TENKEN_ADMIN_PASSWORD",
      ]),
    );
    const refused = envSchema.safeParse(settingsOf(app, example));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.path[0]).sort()).toEqual([
      "DATABASE_URL",
      "TENKEN_AUTH_SECRET",
    ]);
    const filled = {
      ...example,
      DATABASE_URL: "postgresql://tenken:secret@db.internal:5432/tenken?sslmode=verify-full",
      TENKEN_AUTH_SECRET: "x".repeat(64),
    };
    for (const container of [app, migrate]) {
      const accepted = envSchema.safeParse(settingsOf(container, filled));
      expect(accepted.error?.issues ?? []).toEqual([]);
    }
  });
});

describe("compose.yaml", () => {
  type Service = {
    image?: string;
    build?: unknown;
    command?: string[];
    user?: string;
    read_only?: boolean;
    tmpfs?: string[];
    cap_drop?: string[];
    environment?: Record<string, string>;
    depends_on?: Record<string, { condition: string }>;
    healthcheck?: { test: string[] };
    volumes?: string[];
    ports?: string[];
  };
  const compose = parseYamlFile(path.join(root, "compose.yaml"))[0] as {
    services: Record<string, Service>;
    volumes?: Record<string, unknown>;
  };
  const { postgres, migrate: migrateService, app: appService, nginx } = compose.services;

  it("has PostgreSQL, the migration, the app and nginx", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "migrate", "nginx", "postgres"]);
  });

  it("keeps PostgreSQL's data in a named volume and checks that it answers", () => {
    const dataVolume = postgres?.volumes?.find((volume) => volume.endsWith(":/var/lib/postgresql/data"));
    const volumeName = dataVolume?.split(":")[0] ?? "";
    expect(volumeName).toMatch(/^[a-z][\w-]*$/);
    expect(compose.volumes).toHaveProperty(volumeName);
    expect(postgres?.healthcheck?.test).toEqual(expect.arrayContaining(["pg_isready"]));
  });

  it("starts the app only once the migration succeeded, and the migration once PostgreSQL is healthy", () => {
    expect(migrateService?.command).toEqual(["migrate.js"]);
    expect(migrateService?.depends_on?.postgres?.condition).toBe("service_healthy");
    expect(appService?.command).toEqual(["server.js"]);
    expect(appService?.depends_on?.migrate?.condition).toBe("service_completed_successfully");
    expect(appService?.depends_on?.postgres?.condition).toBe("service_healthy");
    expect(appService?.healthcheck?.test.join(" ")).toContain("/api/health/ready");
    expect(nginx?.depends_on?.app?.condition).toBe("service_healthy");
  });

  it("runs the app and the migration from one image, as uid 65532 on a read-only filesystem", () => {
    for (const service of [appService, migrateService]) {
      expect(service?.image).toBe(appService?.image);
      expect(service?.user).toBe(`${UID}:${UID}`);
      expect(service?.read_only).toBe(true);
      expect(service?.tmpfs).toEqual(["/tmp"]);
      expect(service?.cap_drop).toEqual(["ALL"]);
      expect(service?.environment?.TENKEN_DEMO_DATA).toBe("off");
      expect(service?.environment?.DATABASE_URL).toMatch(/^postgresql:\/\/[^@]+@postgres:5432\//);
    }
  });

  it("puts nginx in front with tenken's configuration, and publishes nothing else", () => {
    expect(nginx?.volumes).toContain("./deploy/nginx/tenken.conf:/etc/nginx/conf.d/default.conf:ro");
    expect(nginx?.ports).toHaveLength(1);
    for (const name of ["postgres", "migrate", "app"])
      expect(compose.services[name]?.ports, name).toBeUndefined();
  });

  it("takes every variable it reads from the .env its example documents", () => {
    const used = new Set(
      [...readFileSync(path.join(root, "compose.yaml"), "utf8").matchAll(/\$\{(\w+)/g)].map(
        (match) => match[1],
      ),
    );
    const documented = new Set(
      [...readFileSync(path.join(root, "deploy/compose.env.example"), "utf8").matchAll(/^(\w+)=/gm)].map(
        (match) => match[1],
      ),
    );
    expect([...used].sort()).toEqual([...documented].sort());
  });
});

describe("the Dockerfile", () => {
  const lines = readFileSync(path.join(root, "Dockerfile"), "utf8")
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const stages: string[][] = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line)) stages.push([]);
    stages.at(-1)?.push(line);
  }
  const [builder, runtime] = stages;

  it("builds on the official Node.js LTS image and runs on distroless Node.js of the same version, as nonroot", () => {
    expect(stages).toHaveLength(2);
    const builderImage = /^FROM\s+(node:(\d+)-\S+)\s+AS\s+builder$/i.exec(builder?.[0] ?? "");
    expect(builderImage, builder?.[0]).not.toBeNull();
    // Even-numbered Node.js releases are the LTS ones.
    expect(Number(builderImage![2]) % 2).toBe(0);
    expect(runtime?.[0]).toMatch(
      new RegExp(
        `^FROM\\s+gcr\\.io/distroless/nodejs${builderImage![2]}-debian12:nonroot(\\s+AS\\s+\\w+)?$`,
        "i",
      ),
    );
  });

  it("builds with npm ci and npm run build", () => {
    expect(builder).toEqual(expect.arrayContaining([expect.stringMatching(/^RUN npm ci\b/)]));
    expect(builder).toContain("RUN npm run build");
  });

  it("copies the standalone output owned by nonroot, runs as uid 65532, and serves server.js on port 3000", () => {
    expect(runtime).toContain("COPY --from=builder --chown=nonroot:nonroot /src/.next/standalone ./");
    expect(runtime?.filter((line) => /^USER\s/i.test(line))).toEqual([`USER ${UID}:${UID}`]);
    expect(runtime).toContain("EXPOSE 3000");
    expect(runtime?.at(-1)).toBe('CMD ["server.js"]');
    const environment = runtime?.filter((line) => /^ENV\s/i.test(line)).join(" ") ?? "";
    for (const setting of ["NODE_ENV=production", "PORT=3000", "HOSTNAME=0.0.0.0"])
      expect(environment).toContain(setting);
    // Distroless has no shell to run anything with.
    expect(runtime?.filter((line) => /^RUN\s/i.test(line))).toEqual([]);
  });

  it("leaves installed packages, builds, local data, git and secrets out of the build context", () => {
    const ignored = readFileSync(path.join(root, ".dockerignore"), "utf8")
      .split("\n")
      .map((line) => line.trim());
    for (const entry of ["node_modules", ".next", ".data", ".git", ".env*"]) expect(ignored).toContain(entry);
  });
});
