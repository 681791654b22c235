"""Output of results: every plot (:mod:`.plots`), the HTML report (:mod:`.report`) and the
terminal tables (:mod:`.tables`)."""
