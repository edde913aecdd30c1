// Validates every object of the given Kubernetes manifests against Kubernetes' OpenAPI schemas, as
// the npm package kubernetes-models compiles them (types, formats, required fields), and writes each
// as a TypeScript literal of the model's interface, for tsc to refuse fields the schema does not
// know (excess-property checks): a misspelt field is silently dropped by a real API server.
// Usage: node k8s-manifests.mjs OUT_DIR MANIFEST... ; exits 1 naming each invalid object. The
// literals go to OUT_DIR, one file an object named after its manifest and document
// (statefulset.yaml.1.ts), so tsc's errors say where; OUT_DIR/tsconfig.json lists them.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseAllDocuments } from "yaml";

const [outDir, ...files] = process.argv.slice(2);
let failures = 0;
const literals = [];

for (const file of files) {
  const documents = parseAllDocuments(readFileSync(file, "utf8"));
  for (const [i, document] of documents.entries()) {
    const where = `${file} (document ${i + 1})`;
    if (document.errors.length > 0) {
      console.error(`${where}: not YAML: ${document.errors[0].message}`);
      failures++;
      continue;
    }
    const object = document.toJS();
    if (object === null) {
      continue; // an empty document, as after a trailing ---
    }
    if (object.kind === "Kustomization") {
      continue; // kustomize's own file, not a Kubernetes object: the objects it lists are checked here
    }
    const module = `kubernetes-models/${object.apiVersion}/${object.kind}`;
    let model;
    try {
      model = (await import(module))[object.kind];
    } catch {
      console.error(`${where}: no Kubernetes schema for apiVersion ${object.apiVersion}, kind ${object.kind}`);
      failures++;
      continue;
    }
    try {
      new model(object).validate();
    } catch (e) {
      console.error(`${where}: ${object.kind} ${object.metadata?.name}: ${e.message}`);
      failures++;
      continue;
    }
    const literal = `${basename(file)}.${i + 1}.ts`;
    writeFileSync(join(outDir, literal), `// ${where}\nimport type { I${object.kind} } from "${module}";\n`
        + `export const object: I${object.kind} = ${JSON.stringify(object, null, 2)};\n`);
    literals.push(literal);
  }
}
writeFileSync(join(outDir, "tsconfig.json"), JSON.stringify({
  compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022",
    skipLibCheck: true, types: [] },
  files: literals,
}));
process.exit(failures === 0 ? 0 : 1);
