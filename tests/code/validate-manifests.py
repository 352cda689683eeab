"""Validates Kubernetes manifests strictly: unknown fields fail.

Core objects go to kubernetes-validate (the Kubernetes OpenAPI schemas of the given version, strict mode). Objects of
a group defined by one of the given CRD files are validated against that CRD's openAPIV3Schema, made strict the way
kubeconform's openapi2jsonschema --strict does it: every object schema that lists properties and neither allows
additional ones nor preserves unknown fields gets additionalProperties: false. metadata is checked by kubernetes-validate
as part of a ConfigMap-shaped stand-in, since CRD schemas leave it open.

Prints one line per problem: FAIL <file> doc <index> <message>; exits 1 if there is any.
Usage: validate-manifests.py --kubernetes 1.37.0 --crds <crd.yaml>... -- <manifest.yaml>...
"""
import sys

import jsonschema
import kubernetes_validate
import yaml


def strict(schema):
    if isinstance(schema, dict):
        if (schema.get("type") == "object" and "properties" in schema and "additionalProperties" not in schema
                and not schema.get("x-kubernetes-preserve-unknown-fields")):
            schema = {**schema, "additionalProperties": False}
        return {k: strict(v) for k, v in schema.items()}
    if isinstance(schema, list):
        return [strict(v) for v in schema]
    return schema


def main(argv):
    k8s = argv[argv.index("--kubernetes") + 1]
    crd_files = argv[argv.index("--crds") + 1:argv.index("--")]
    files = argv[argv.index("--") + 1:]
    schemas = {}
    for crd_file in crd_files:
        for crd in yaml.safe_load_all(open(crd_file)):
            if not crd or crd.get("kind") != "CustomResourceDefinition":
                continue
            group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
            for v in crd["spec"]["versions"]:
                if v.get("served") and "schema" in v:
                    schema = dict(v["schema"]["openAPIV3Schema"])
                    # Some CRDs (Istio's) list only spec and status; every object also has these three.
                    schema["properties"] = {"apiVersion": {"type": "string"}, "kind": {"type": "string"},
                                            "metadata": {"type": "object"}, **schema.get("properties", {})}
                    schemas[f"{group}/{v['name']}/{kind}"] = strict(schema)
    groups = {key.split("/")[0] for key in schemas}
    failed = False
    for path in files:
        for i, doc in enumerate(yaml.safe_load_all(open(path))):
            if doc is None:
                continue
            key = f"{doc.get('apiVersion')}/{doc.get('kind')}"
            problems = []
            if str(doc.get("apiVersion")).split("/")[0] in groups:
                schema = schemas.get(key)
                if schema is None:
                    problems.append(f"no CRD schema for {key} in the given CRD files")
                else:
                    validator = jsonschema.Draft7Validator(schema)
                    for e in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
                        where = ".".join(str(p) for p in e.absolute_path) or "(root)"
                        problems.append(f"{key}: {where}: {e.message}")
                    meta = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": doc.get("metadata", {})}
                    try:
                        kubernetes_validate.validate(meta, k8s, strict=True)
                    except kubernetes_validate.ValidationError as e:
                        problems.append(f"{key}: metadata: {e.message}")
            else:
                try:
                    kubernetes_validate.validate(doc, k8s, strict=True)
                except kubernetes_validate.ValidationError as e:
                    where = ".".join(str(p) for p in e.path) or "(root)"
                    problems.append(f"{key}: {where}: {e.message}")
                except Exception as e:  # an unknown kind or version
                    problems.append(f"{key}: {e}")
            for p in problems:
                failed = True
                print(f"FAIL {path} doc {i} {p}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
