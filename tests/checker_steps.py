"""Answering the eligibility checker in a browser, the way a visitor does: one
question per screen, then "see the result". Shared by the phone tests and the
benchmarks that time or measure the flow."""

from __future__ import annotations


def answer_checker(page, data: dict, answers: dict) -> None:
    """Start the checker, answer every question of ``data`` (the page's checker
    data) from ``answers`` (question id -> value, or a list for several options)
    and wait until the result has focus."""
    app = page.locator("#px-checker")
    ui = data["ui"]
    app.get_by_role("button", name=ui["start"], exact=True).click()
    for question in data["questions"]:
        value = answers[question["id"]]
        if question["kind"] == "number":
            app.locator("#px-q-input").fill(value)
        else:
            for item in value if isinstance(value, list) else [value]:
                app.locator(f"#px-opt-{question['id']}-{item}").check()
        app.get_by_role("button", name=ui["continue"], exact=True).click()
    app.get_by_role("button", name=ui["see_result"], exact=True).click()
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'px-result-heading'")
