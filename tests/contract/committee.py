"""The committee's integration, written the way an integrator would: with nothing but the
Python client that openapi-python-client generates from the committed
`openapi/openapi.json` (package `ip_client`, on PYTHONPATH), against a server with the
demo data at BASE_URL.

Signs in as the committee, pages through the registry, exports it as CSV, reads the
public catalogue and one resource's metrics. Run by `cargo xtask test`; prints one
`ok`/`not ok` line per step and `# pass N` / `# fail N` at the end.
"""

import csv
import io
import os
import sys
import traceback

from ip_client import AuthenticatedClient, Client
from ip_client.api.auth import create_session
from ip_client.api.catalogue import list_catalogue
from ip_client.api.feedback import get_resource_metrics
from ip_client.api.organisations import get_organisation
from ip_client.api.registry import export_registry, list_registry
from ip_client.models import LoginRequest, Metrics, Organisation, OrganisationKind, Problem, Role, TokenPair

BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8080")
EMAIL = "committee@kom.demo"
PASSWORD = "innovate-2026"
PER_PAGE = 2


def sign_in() -> AuthenticatedClient:
    tokens = create_session.sync(client=Client(base_url=BASE_URL), body=LoginRequest(email=EMAIL, password=PASSWORD))
    assert isinstance(tokens, TokenPair), f"sign-in answered {tokens!r}"
    assert tokens.token_type.lower() == "bearer"
    assert Role.COMMITTEE in tokens.user.roles, tokens.user.roles
    return AuthenticatedClient(base_url=BASE_URL, token=tokens.access_token)


def registry_pages(client: AuthenticatedClient) -> list:
    schools, page, total = [], 1, None
    while True:
        answer = list_registry.sync(client=client, page=page, per_page=PER_PAGE)
        assert not isinstance(answer, Problem) and answer is not None, f"registry page {page}: {answer!r}"
        assert answer.page == page and answer.per_page == PER_PAGE
        total = answer.total
        schools.extend(answer.items)
        if page * PER_PAGE >= total:
            break
        page += 1
    assert total >= 3, f"the demo municipality has 3 schools, the registry {total}"
    assert len(schools) == total, f"{len(schools)} rows over {page} pages, total {total}"
    assert page >= 2, "the registry fitted one page: the paging was not exercised"
    for school in schools:
        assert school.short_name, school
        assert school.active_projects <= school.projects
        assert school.published_resources <= school.resources
        assert school.app_responses + school.link_responses <= school.responses, school
    return schools


def export(client: AuthenticatedClient, schools: list) -> None:
    answer = export_registry.sync_detailed(client=client)
    assert answer.status_code == 200, f"export answered {answer.status_code}: {answer.content[:200]!r}"
    assert answer.headers["content-type"].startswith("text/csv"), answer.headers["content-type"]
    text = answer.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows) == len(schools) + 1, f"{len(rows)} CSV rows for {len(schools)} schools and a header"
    names = {row[0] for row in rows[1:]}
    for school in schools:
        organisation = get_organisation.sync(client=client, id=school.org_id)
        assert isinstance(organisation, Organisation), f"organisation {school.org_id}: {organisation!r}"
        assert organisation.kind == OrganisationKind.SCHOOL, organisation
        assert organisation.name in names, f"{organisation.name} is not in the export"


def catalogue_and_metrics(client: AuthenticatedClient) -> None:
    catalogue = list_catalogue.sync(client=client, page=1, per_page=20)
    assert not isinstance(catalogue, Problem) and catalogue is not None, f"catalogue: {catalogue!r}"
    assert catalogue.total >= 1 and catalogue.items, "the demo catalogue is empty"
    entry = catalogue.items[0]
    metrics = get_resource_metrics.sync(client=client, id=entry.id)
    assert isinstance(metrics, Metrics), f"metrics of resource {entry.id}: {metrics!r}"
    assert metrics.satisfied <= metrics.responses
    assert metrics.promoters + metrics.passives + metrics.detractors == metrics.responses
    assert metrics.deliveries == entry.deliveries, (metrics, entry)
    assert metrics.csat_percent == entry.csat_percent and metrics.nps == entry.nps, (metrics, entry)


def main() -> int:
    passed = 0
    state: dict = {}
    steps = [
        ("sign in as the committee", lambda: state.update(client=sign_in())),
        ("page through the registry", lambda: state.update(schools=registry_pages(state["client"]))),
        ("export the registry as CSV", lambda: export(state["client"], state["schools"])),
        ("read the catalogue and a resource's metrics", lambda: catalogue_and_metrics(state["client"])),
    ]
    for name, step in steps:
        try:
            step()
        except Exception:  # noqa: BLE001 - every failure is reported, then counted
            print(f"not ok - {name}")
            traceback.print_exc(file=sys.stdout)
            break
        passed += 1
        print(f"ok - {name}")
    print(f"# pass {passed}")
    # A step not reached after a failure counts as failed too.
    print(f"# fail {len(steps) - passed}")
    return 0 if passed == len(steps) else 1


if __name__ == "__main__":
    sys.exit(main())
