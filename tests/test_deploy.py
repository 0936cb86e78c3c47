"""The deployment files: the Kubernetes manifests validate strictly against the schemas (offline),
hold what the public demo needs, and the local proxy's configuration parses."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
MANIFESTS = sorted(path for path in (ROOT / "deploy" / "k8s").glob("*.yaml") if path.name != "kustomization.yaml")


def test_every_manifest_validates_strictly_against_the_kubernetes_schemas():
    result = subprocess.run([sys.executable, "-m", "kubernetes_validate", "--strict", *map(str, MANIFESTS)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("passed") == len(MANIFESTS) == 5


def test_kustomization_lists_every_manifest():
    listed = yaml.safe_load((ROOT / "deploy" / "k8s" / "kustomization.yaml").read_text())["resources"]
    assert sorted(listed) == [path.name for path in MANIFESTS]


def _load(name):
    return yaml.safe_load((ROOT / "deploy" / "k8s" / name).read_text())


def test_the_deployment_is_replicated_probed_limited_and_locked_down():
    spec = _load("deployment.yaml")["spec"]
    assert spec["replicas"] >= 2
    pod = spec["template"]["spec"]
    container = pod["containers"][0]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"] == {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
                                            "capabilities": {"drop": ["ALL"]}}
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/_stcore/health"
    assert set(container["resources"]["limits"]) == set(container["resources"]["requests"]) == {"cpu", "memory"}
    writable = {mount["mountPath"] for mount in container["volumeMounts"]}
    assert writable == {"/tmp", "/home/lossviz"} and all("emptyDir" in volume for volume in pod["volumes"])
    assert pod["terminationGracePeriodSeconds"] >= 30


def test_the_ingress_keeps_a_visitor_on_one_pod_and_its_websocket_open():
    annotations = _load("ingress.yaml")["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert annotations["nginx.ingress.kubernetes.io/session-cookie-change-on-failure"] == "true"
    assert int(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    assert int(annotations["nginx.ingress.kubernetes.io/proxy-send-timeout"]) >= 3600
    hpa = _load("hpa.yaml")
    assert hpa["apiVersion"] == "autoscaling/v2" and hpa["spec"]["minReplicas"] >= 2
    assert _load("pdb.yaml")["spec"]["minAvailable"] >= 1


@pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy is not installed (make test installs it)")
def test_the_local_proxy_configuration_parses():
    result = subprocess.run(["haproxy", "-c", "-f", str(ROOT / "deploy" / "haproxy.cfg")], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
