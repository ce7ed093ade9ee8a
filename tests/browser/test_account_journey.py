"""An account from creation to a two-factor sign-in (issue 9): the system administrator creates it
and gets a set-password link; the new officer sets a password, signs in, sets up an authenticator
app and signs in again with a recovery code. Every page passes axe and fits a 320 px phone."""

import base64
import os

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
PASSWORD = os.environ.get("DEMO_PASSWORD", "demo-password-1")
NEW_PASSWORD = "a-long-new-password-for-the-journey-7"


def _sign_in(page, username: str, password: str = PASSWORD) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


def _checked(page, *, phone: bool = True) -> None:
    """axe finds nothing at desktop width, and at 320 px nothing scrolls sideways."""
    assert axe_violations(page) == []
    if not phone:
        return
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 800})


def test_an_administrator_creates_an_account_and_the_officer_signs_in_with_two_factor(browser, live_url):
    admin = browser.new_context(base_url=live_url, bypass_csp=True).new_page()
    _sign_in(admin, "sysadmin")
    admin.goto("/users")
    expect(admin.get_by_role("heading", name="Users", exact=True)).to_be_visible()
    _checked(admin, phone=False)  # a desk page: its table of users is wider than a phone

    admin.get_by_role("link", name="Create an account").click()
    admin.get_by_role("button", name="Create account").click()
    expect(admin.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(admin).to_have_title("Error: Create an account – Manage a probation case")
    _checked(admin)

    admin.get_by_label("Username").fill("journey.po")
    admin.get_by_label("First name").fill("Jo")
    admin.get_by_label("Last name").fill("Urney")
    admin.get_by_label("Work email address").fill("jo.urney@probation.example")
    admin.get_by_label("Role").select_option(label="Practitioner (PO/PSO)")
    team = admin.get_by_label("Team")
    team.select_option(index=1)
    admin.get_by_label("Grade").select_option(label="Probation Officer")
    admin.get_by_role("button", name="Create account").click()
    expect(admin.get_by_role("heading", name="Account created")).to_be_visible()
    _checked(admin)
    link = admin.get_by_test_id("set-password-link").inner_text().strip()
    admin.context.close()

    officer = browser.new_context(base_url=live_url, bypass_csp=True).new_page()
    officer.goto(link)
    expect(officer.get_by_role("heading", name="Set your password")).to_be_visible()
    _checked(officer)
    officer.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    officer.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    officer.get_by_role("button", name="Set password").click()

    _sign_in(officer, "journey.po", NEW_PASSWORD)
    officer.goto("/account/two-factor")
    expect(officer.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    _checked(officer)
    officer.get_by_role("button", name="Confirm and continue").click()
    expect(officer.get_by_text("Enter the security code").first).to_be_visible()
    _checked(officer)

    secret = officer.get_by_test_id("two-factor-secret").inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    officer.get_by_label("Security code").fill(f"{totp(key):06d}")
    officer.get_by_role("button", name="Confirm and continue").click()
    expect(officer.get_by_role("heading", name="Two-factor sign-in is set up")).to_be_visible()
    _checked(officer)
    recovery_code = officer.get_by_test_id("recovery-codes").locator("code").first.inner_text()

    officer.context.clear_cookies()
    _sign_in(officer, "journey.po", NEW_PASSWORD)
    expect(officer.get_by_label("Security code")).to_be_visible()
    _checked(officer)
    officer.get_by_label("Security code").fill("000000")
    officer.get_by_role("button", name="Continue").click()
    expect(officer.get_by_role("heading", name="There is a problem")).to_be_visible()
    _checked(officer)
    officer.wait_for_timeout(2100)  # each wrong code makes the devices wait 1 s, then 2 s… (django-otp)
    officer.get_by_label("Security code").fill(recovery_code)
    officer.get_by_role("button", name="Continue").click()
    expect(officer.get_by_role("link", name="My work")).to_be_visible()
    officer.context.close()
