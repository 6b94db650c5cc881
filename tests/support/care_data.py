"""Small, valid data for the diagnosis and treatment explorers, for tests."""

from __future__ import annotations

from netedu.explorers.evidence_explorer import EvidenceExplorerData
from netedu.explorers.imaging_chooser import ImagingChooserData
from netedu.explorers.marker_checker import MarkerCheckerData
from netedu.explorers.prrt_walkthrough import PrrtWalkthroughData

INTERFERENCES = MarkerCheckerData.model_validate(
    {
        "markers": [
            {"id": "cga", "name": "Chromogranin A", "sample": "serum"},
            {"id": "u5hiaa", "name": "5-HIAA", "sample": "24-hour urine"},
        ],
        "interferers": [
            {
                "id": "ppi",
                "label": "Proton pump inhibitor",
                "kind": "medicine",
                "effects": [
                    {"marker": "cga", "direction": "raises", "how": "HOW-PPI.", "what_to_do": "TODO-PPI.", "references": ["ref-one"]}
                ],
            },
            {
                "id": "banana",
                "label": "Bananas",
                "kind": "food",
                "effects": [
                    {
                        "marker": "u5hiaa",
                        "direction": "raises",
                        "how": "HOW-BANANA.",
                        "what_to_do": "TODO-BANANA.",
                        "references": ["ref-one"],
                    }
                ],
            },
            {
                "id": "renal",
                "label": "Kidney failure",
                "kind": "condition",
                "effects": [
                    {"marker": "cga", "direction": "raises", "how": "HOW-RENAL.", "what_to_do": "TODO-RENAL.", "references": ["ref-two"]},
                    {
                        "marker": "u5hiaa",
                        "direction": "lowers",
                        "how": "HOW-RENAL-U.",
                        "what_to_do": "TODO-RENAL-U.",
                        "references": ["ref-two"],
                    },
                ],
            },
            {
                "id": "walnut",
                "label": "Walnuts",
                "kind": "food",
                "effects": [
                    {
                        "marker": "u5hiaa",
                        "direction": "raises",
                        "how": "HOW-WALNUT.",
                        "what_to_do": "TODO-WALNUT.",
                        "references": ["ref-one"],
                    }
                ],
            },
        ],
    }
)

IMAGING = ImagingChooserData.model_validate(
    {
        "tests": [
            {"id": "sstr-pet", "name": "SSTR PET/CT", "what_it_shows": "Receptors.", "references": ["ref-one"]},
            {"id": "fdg-pet", "name": "FDG PET/CT", "what_it_shows": "Glucose use.", "references": ["ref-one"]},
            {"id": "ct", "name": "Multiphase CT", "what_it_shows": "Anatomy.", "references": ["ref-two"]},
        ],
        "scenarios": [
            {
                "id": "find-primary",
                "title": "Unknown primary",
                "situation": "Liver metastases.",
                "question": "Where is the primary?",
                "references": ["ref-one"],
                "ratings": [
                    {"test": "sstr-pet", "rating": "best", "why": "WHY-SSTR."},
                    {"test": "fdg-pet", "rating": "not-useful", "why": "WHY-FDG."},
                    {"test": "ct", "rating": "useful", "why": "WHY-CT."},
                ],
            },
            {
                "id": "heterogeneity",
                "title": "Grade heterogeneity",
                "situation": "Ki-67 15%.",
                "question": "Aggressive clones?",
                "references": ["ref-one"],
                "ratings": [
                    {"test": "sstr-pet", "rating": "useful", "why": "W1."},
                    {"test": "fdg-pet", "rating": "best", "why": "W2."},
                    {"test": "ct", "rating": "not-useful", "why": "W3."},
                ],
            },
            {
                "id": "prrt",
                "title": "PRRT?",
                "situation": "Progressing.",
                "question": "Uptake?",
                "references": ["ref-one"],
                "ratings": [
                    {"test": "sstr-pet", "rating": "best", "why": "W1."},
                    {"test": "fdg-pet", "rating": "useful", "why": "W2."},
                    {"test": "ct", "rating": "useful", "why": "W3."},
                ],
            },
        ],
    }
)

TRIALS = EvidenceExplorerData.model_validate(
    {
        "trials": [
            {
                "id": "promid",
                "name": "PROMID",
                "drug": "Octreotide LAR",
                "drug_class": "somatostatin-analogue",
                "sites": ["midgut"],
                "grades": ["G1"],
                "phase": "Phase III",
                "population": "Midgut NETs",
                "arms": ["Octreotide", "Placebo"],
                "primary_endpoint": "Time to progression",
                "result": "RESULT-PROMID",
                "headline": {"measure": "Median TTP (months)", "treatment": 14.3, "control": 6.0, "hazard_ratio": 0.34},
                "references": ["ref-one"],
            },
            {
                "id": "sunitinib",
                "name": "Sunitinib phase III",
                "drug": "Sunitinib",
                "drug_class": "tyrosine-kinase-inhibitor",
                "sites": ["pancreas"],
                "grades": ["G1", "G2"],
                "phase": "Phase III",
                "population": "Pancreatic NETs",
                "arms": ["Sunitinib", "Placebo"],
                "primary_endpoint": "PFS",
                "result": "RESULT-SUN",
                "headline": {"measure": "Median PFS (months)", "treatment": 11.4, "control": 5.5, "hazard_ratio": 0.42},
                "references": ["ref-two"],
            },
            {
                "id": "capt",
                "name": "E2211",
                "drug": "Capecitabine and temozolomide",
                "drug_class": "chemotherapy",
                "sites": ["pancreas"],
                "grades": ["G1", "G2"],
                "phase": "Phase II",
                "population": "Pancreatic NETs",
                "arms": ["CAPTEM", "Temozolomide"],
                "primary_endpoint": "PFS",
                "result": "RESULT-E2211",
                "headline": {"measure": "Median PFS (months)", "treatment": 22.7},
                "references": ["ref-one"],
            },
        ]
    }
)

WALK = PrrtWalkthroughData.model_validate(
    {
        "title": "PRRT teaching case",
        "case": "CASE-INTRO. A 60-year-old with a progressing midgut NET.",
        "closing": "CLOSING-TEXT.",
        "references": ["ref-one"],
        "steps": [
            {
                "id": "indication",
                "title": "Indication",
                "finding": "Unresectable.",
                "question": "Which circumstance?",
                "reasoning": "REASON-1.",
                "options": [
                    {"id": "spread", "text": "It has spread", "correct": True, "explanation": "E1."},
                    {"id": "none", "text": "None", "correct": False, "explanation": "E2."},
                ],
            },
            {
                "id": "uptake",
                "title": "Uptake",
                "finding": "Uptake above liver.",
                "question": "Enough?",
                "reasoning": "REASON-2.",
                "options": [
                    {"id": "yes", "text": "Yes", "correct": True, "explanation": "E3."},
                    {"id": "no", "text": "No", "correct": False, "explanation": "E4."},
                ],
            },
            {
                "id": "kidney",
                "title": "Kidneys",
                "finding": "eGFR normal.",
                "question": "Go ahead?",
                "reasoning": "REASON-3.",
                "options": [
                    {"id": "yes", "text": "Yes", "correct": True, "explanation": "E5."},
                    {"id": "no", "text": "No", "correct": False, "explanation": "E6."},
                ],
            },
        ],
    }
)
