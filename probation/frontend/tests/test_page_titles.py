"""The layout puts "Error: " before a page's title when its form has errors (GOV.UK pattern); a page
that adds it again reads "Error: Error: …" to screen reader users."""

from pathlib import Path

import pytest

import probation

TEMPLATES = Path(probation.__file__).parent


def test_no_page_adds_error_to_its_title_the_layout_already_does():
    doubled = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("templates/**/*.html")
        if "{% block title %}{% if form.errors %}Error" in path.read_text()
    ]
    assert doubled == []


@pytest.mark.django_db
def test_a_form_page_with_errors_has_error_once_in_its_title(client, admin_user):
    client.force_login(admin_user)

    response = client.post("/users/new", {"username": ""})

    title = response.content.decode().split("<title>")[1].split("</title>")[0]
    assert title.startswith("Error: Create an account")
    assert title.count("Error:") == 1
