"""Pure clinical rules for teaching: WHO 2019 grading, TNM staging (AJCC 8th), Ki-67 counting. No HTML, no widgets."""
