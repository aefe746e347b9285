#!/usr/bin/env python3
"""Adds the Partner's Day document's useful links (annex 3) to the parts' reference services where they fit.
Run once from the repository's root."""
import json
SOCIAL = ("https://social.brussels/", {"fr": "Bruxelles Social – Sociaal Brussel", "en": "Bruxelles Social – Sociaal Brussel", "es": "Bruxelles Social – Sociaal Brussel", "ca": "Bruxelles Social – Sociaal Brussel", "it": "Bruxelles Social – Sociaal Brussel", "hu": "Bruxelles Social – Sociaal Brussel"}, {
 "fr": "Le répertoire bilingue des services sociaux de la Région bruxelloise, que le Partner's Day recommande pour trouver le bon service près de chez la personne.",
 "en": "The bilingual directory of the Brussels Region's social services, which the Partner's Day recommends for finding the right service near the person's home.",
 "es": "El directorio bilingüe de los servicios sociales de la Región de Bruselas, que el Partner's Day recomienda para encontrar el servicio adecuado cerca del domicilio de la persona.",
 "ca": "El directori bilingüe dels serveis socials de la Regió de Brussel·les, que el Partner's Day recomana per trobar el servei adequat a prop del domicili de la persona.",
 "it": "Il repertorio bilingue dei servizi sociali della Regione di Bruxelles, che il Partner's Day consiglia per trovare il servizio giusto vicino a casa della persona.",
 "hu": "A brüsszeli régió szociális szolgáltatásainak kétnyelvű jegyzéke, amelyet a Partner's Day ajánl, hogy megtaláld a megfelelő szolgáltatást az illető lakóhelye közelében."})
DORIFOR = ("https://www.bruxellesformation.brussels/catalogue-dorifor/", {"fr": "Catalogue Dorifor (Bruxelles Formation)", "en": "Dorifor catalogue (Bruxelles Formation)", "es": "Catálogo Dorifor (Bruxelles Formation)", "ca": "Catàleg Dorifor (Bruxelles Formation)", "it": "Catalogo Dorifor (Bruxelles Formation)", "hu": "Dorifor-katalógus (Bruxelles Formation)"}, {
 "fr": "Le catalogue des formations proposées à Bruxelles, cité parmi les liens utiles du Partner's Day : de quoi construire avec la personne une étape de formation réaliste.",
 "en": "The catalogue of training courses offered in Brussels, listed among the Partner's Day's useful links: material to build a realistic training step with the person.",
 "es": "El catálogo de las formaciones que se ofrecen en Bruselas, citado entre los enlaces útiles del Partner's Day: material para construir con la persona una etapa de formación realista.",
 "ca": "El catàleg de les formacions que s'ofereixen a Brussel·les, citat entre els enllaços útils del Partner's Day: material per construir amb la persona una etapa de formació realista.",
 "it": "Il catalogo dei corsi di formazione offerti a Bruxelles, citato tra i link utili del Partner's Day: materiale per costruire con la persona una tappa formativa realistica.",
 "hu": "A Brüsszelben elérhető képzések katalógusa, amely a Partner's Day hasznos linkjei között szerepel: segít, hogy az illetővel együtt reális képzési lépést tervezz."})
ADD = {"part-1": [SOCIAL], "part-3": [DORIFOR]}
def q(t): return json.dumps(t, ensure_ascii=False)
for part, entries in ADD.items():
    for c in ["fr", "en", "es", "ca", "it", "hu"]:
        p = f"content/mooc/{part}/part.{c}.md"
        text = open(p, encoding="utf-8").read()
        marker = "\n  practices:"
        assert text.count(marker) == 1, p
        add = "".join(f"    - title: {q(t[c])}\n      note: {q(n[c])}\n      url: {u}\n" for u, t, n in entries)
        text = text.replace(marker, "\n" + add.rstrip("\n") + marker, 1)
        open(p, "w", encoding="utf-8").write(text)
print("ok")
