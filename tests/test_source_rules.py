"""The validator's rules on sources, what a reader relies on: every work a figure rests on is
among the event's sources, both ends of a range have a source and a range citing several works
says which end each gives, and a page that quotes a document is cited as the page read."""

import subprocess
import sys

from dashboard.details import figure_text
from dashboard.schema import Figure
from dashboard.validation import check_document

from conftest import REPO

CAMP, DEPORTATION = 0, 1  # features of the sample file


def problems_after(document, index, change) -> list[str]:
    change(document["features"][index]["properties"])
    return [str(problem) for problem in check_document(document, "events.geojson").problems]


def test_a_work_backing_a_figure_must_be_among_the_event_s_sources(sample_document):
    def cite_another_work(props):
        props["figures"][0]["sources"].append({"key": "applebaum2003"})

    [problem] = problems_after(sample_document, CAMP, cite_another_work)
    assert "feature 0 (id 'camp-vishersky'): properties.figures[0].sources[1].key: " in problem
    assert "'applebaum2003' backs this figure but is not among the event's sources" in problem


def test_listing_the_work_among_the_event_s_sources_settles_it(sample_document):
    def cite_and_list(props):
        props["figures"][0]["sources"].append({"key": "applebaum2003"})
        props["sources"].append({"key": "applebaum2003"})

    assert problems_after(sample_document, CAMP, cite_and_list) == []


def test_a_range_citing_several_works_says_which_end_each_gives(sample_document):
    """Order No. 00447's 'sentenced' range once cited Jansen and Petrov for its low end and Werth
    without saying which end: the high end then had no stated source."""
    def leave_one_unsaid(props):
        props["figures"][0]["sources"][1].pop("supports")

    [problem] = problems_after(sample_document, DEPORTATION, leave_one_unsaid)
    assert "properties.figures[0]: " in problem
    assert "the range 478479-496460 cites several works: say which end 'polian2004' supports" in problem


def test_a_range_from_one_work_needs_no_supports(sample_document):
    def one_work(props):
        props["figures"][0]["sources"] = [{"key": "polian2004"}]

    assert problems_after(sample_document, DEPORTATION, one_work) == []


def test_both_ends_of_a_range_need_a_source(sample_document):
    def only_low(props):
        props["figures"][0]["sources"] = [{"key": "bugai1995", "supports": "low"}]

    [problem] = problems_after(sample_document, DEPORTATION, only_low)
    assert "the high end of the range 478479-496460 has no source" in problem


def test_quoting_names_the_document_a_page_read_quotes_and_needs_that_page(sample_document):
    def quoted_without_page(props):
        props["figures"][0]["sources"][0]["quoting"] = "Beria to Stalin, 1 March 1944"

    [problem] = problems_after(sample_document, DEPORTATION, quoted_without_page)
    assert "quoting needs the url of the page that was read and quotes it" in problem

    def quoted_on_a_page(props):
        props["figures"][0]["sources"][0].update(quoting="Beria to Stalin, 1 March 1944", url="https://example.org/post")

    assert problems_after(sample_document, DEPORTATION, quoted_on_a_page) == []


def test_the_popup_says_what_a_cited_page_quotes():
    figure = Figure.model_validate({
        "measure": "deported", "low": 37713, "high": 37713, "sources": [
            {"key": "pohl-blog", "url": "https://jpohl.blogspot.com/2009/03/65-years-since-deportation-of-balkars.html",
             "quoting": "N. F. Bugai (ed.), 1992, doc. 29, pp. 113-114"}]})
    assert figure_text(figure) == "Deported: 37,713 people (pohl-blog quoting N. F. Bugai (ed.), 1992, doc. 29, pp. 113-114)"


def test_the_atlas_s_own_facts_keep_the_rules():
    """`python -m dashboard validate facts` builds every fact file and checks it with these rules."""
    result = subprocess.run([sys.executable, "-m", "dashboard", "validate", "facts"], cwd=REPO,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "all valid" in result.stdout
