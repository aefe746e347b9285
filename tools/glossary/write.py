#!/usr/bin/env python3
"""Writes content/glossary/brussels-services/glossary.<culture>.md from entries.py and the texts below
(run from the repository's root: python3 tools/glossary/write.py)."""
import json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from entries import ENTRIES, C

HEAD = {
 "fr": dict(slug="glossaire-des-services", title="Glossaire des services bruxellois",
   summary="Les services, sigles et organismes que les professionnels de l'insertion rencontrent à Bruxelles : ce que chacun fait pour une personne éloignée de l'emploi."),
 "en": dict(slug="glossary-of-services", title="Glossary of Brussels services",
   summary="The services, acronyms and bodies that insertion professionals meet in Brussels: what each does for a person far from employment."),
 "es": dict(slug="glosario-de-servicios", title="Glosario de servicios de Bruselas",
   summary="Los servicios, siglas y organismos que los profesionales de la inserción encuentran en Bruselas: lo que cada uno hace por una persona alejada del empleo."),
 "ca": dict(slug="glossari-de-serveis", title="Glossari de serveis de Brussel·les",
   summary="Els serveis, sigles i organismes que els professionals de la inserció troben a Brussel·les: el que fa cadascun per una persona allunyada de la feina."),
 "it": dict(slug="glossario-dei-servizi", title="Glossario dei servizi di Bruxelles",
   summary="I servizi, le sigle e gli enti che i professionisti dell'inserimento incontrano a Bruxelles: che cosa fa ciascuno per una persona lontana dal lavoro."),
 "hu": dict(slug="szolgaltatasok-szoszedete", title="Brüsszeli szolgáltatások szószedete",
   summary="Szolgáltatások, rövidítések és szervezetek, amelyekkel a beilleszkedést segítő szakemberek Brüsszelben találkoznak: mit tesz mindegyik egy munkaerőpiactól távol álló emberért."),
}

LINKS = [  # (address, {culture: label}) — the Partner's Day document's useful links (annex 3)
 ("https://social.brussels/", {"fr": "Bruxelles Social – Sociaal Brussel : le répertoire des services sociaux de la Région", "en": "Bruxelles Social – Sociaal Brussel: the directory of the Region's social services", "es": "Bruxelles Social – Sociaal Brussel: el directorio de los servicios sociales de la Región", "ca": "Bruxelles Social – Sociaal Brussel: el directori dels serveis socials de la Regió", "it": "Bruxelles Social – Sociaal Brussel: il repertorio dei servizi sociali della Regione", "hu": "Bruxelles Social – Sociaal Brussel: a Régió szociális szolgáltatásainak jegyzéke"}),
 ("https://santementale.brussels/", {"fr": "Le répertoire de la santé mentale en Région bruxelloise", "en": "The directory of mental health services in the Brussels Region", "es": "El directorio de salud mental de la Región de Bruselas", "ca": "El directori de salut mental de la Regió de Brussel·les", "it": "Il repertorio della salute mentale nella Regione di Bruxelles", "hu": "A brüsszeli régió lelki egészségügyi szolgáltatásainak jegyzéke"}),
 ("https://www.fdss.be/fr/concertation-aide-alimentaire/repertoire-de-l-aide-alimentaire/", {"fr": "Le répertoire de l'aide alimentaire en Belgique", "en": "The directory of food aid in Belgium", "es": "El directorio de la ayuda alimentaria en Bélgica", "ca": "El directori de l'ajuda alimentària a Bèlgica", "it": "Il repertorio degli aiuti alimentari in Belgio", "hu": "Az élelmiszersegélyek jegyzéke Belgiumban"}),
 ("https://dune-asbl.be/le-bon-plan/", {"fr": "Le Bon Plan de Dune : santé, hébergement d'urgence, aide alimentaire, soins, ressources sociales et juridiques", "en": "Le Bon Plan by Dune: health, emergency shelter, food aid, care, social and legal resources", "es": "Le Bon Plan de Dune: salud, alojamiento de urgencia, ayuda alimentaria, atención médica, recursos sociales y jurídicos", "ca": "Le Bon Plan de Dune: salut, allotjament d'urgència, ajuda alimentària, atenció mèdica, recursos socials i jurídics", "it": "Le Bon Plan di Dune: salute, alloggio d'emergenza, aiuti alimentari, cure, risorse sociali e legali", "hu": "A Dune „Le Bon Plan” jegyzéke: egészség, sürgősségi szállás, élelmiszersegély, ellátás, szociális és jogi források"}),
 ("https://logement.brussels/", {"fr": "Le service logement de la Région", "en": "The Region's housing service", "es": "El servicio de vivienda de la Región", "ca": "El servei d'habitatge de la Regió", "it": "Il servizio alloggi della Regione", "hu": "A Régió lakhatási szolgálata"}),
 ("https://reseauhabitat.be/", {"fr": "Les services associatifs logement et énergie", "en": "Non-profit housing and energy services", "es": "Los servicios asociativos de vivienda y energía", "ca": "Els serveis associatius d'habitatge i energia", "it": "I servizi associativi per alloggio ed energia", "hu": "Nonprofit lakhatási és energiaügyi szolgáltatások"}),
 ("https://pro.guidesocial.be/", {"fr": "Guide social : le secteur non marchand en Wallonie et à Bruxelles", "en": "Guide social: the non-profit sector in Wallonia and Brussels", "es": "Guide social: el sector no lucrativo en Valonia y Bruselas", "ca": "Guide social: el sector no lucratiu a Valònia i Brussel·les", "it": "Guide social: il settore non profit in Vallonia e a Bruxelles", "hu": "Guide social: a nonprofit szektor Vallóniában és Brüsszelben"}),
 ("https://www.desocialekaart.be/", {"fr": "De Sociale Kaart (services sociaux, en néerlandais)", "en": "De Sociale Kaart (social services, in Dutch)", "es": "De Sociale Kaart (servicios sociales, en neerlandés)", "ca": "De Sociale Kaart (serveis socials, en neerlandès)", "it": "De Sociale Kaart (servizi sociali, in neerlandese)", "hu": "De Sociale Kaart (szociális szolgáltatások, hollandul)"}),
]

BODY = {
 "fr": ("Ce glossaire reprend, avec nos mots, l'annexe du document du Partner's Day 2024 de la Mission Locale de Saint-Gilles : une explication non exhaustive des sigles et des organismes que les participants ont cités autour des six personas. Il décrit ce que chaque service fait pour une personne éloignée de l'emploi ; il ne remplace pas les informations à jour des services eux-mêmes. Une adresse n'est donnée que lorsque le document la donne.",
        "Pour trouver un service près de chez vous", "Répertoires cités par le document :"),
 "en": ("This glossary retells, in our own words, the annex of the Partner's Day 2024 document of the Mission Locale de Saint-Gilles: a non-exhaustive explanation of the acronyms and bodies that the participants named around the six personas. It says what each service does for a person far from employment; it does not replace the services' own, up-to-date information. An address is given only when the document gives one.",
        "To find a service near you", "Directories named in the document:"),
 "es": ("Este glosario recoge, con nuestras palabras, el anexo del documento del Partner's Day 2024 de la Mission Locale de Saint-Gilles: una explicación no exhaustiva de las siglas y los organismos que los participantes citaron en torno a los seis personas. Describe lo que cada servicio hace por una persona alejada del empleo; no sustituye la información actualizada de los propios servicios. Solo se da una dirección cuando el documento la da.",
        "Para encontrar un servicio cerca de ti", "Directorios citados en el documento:"),
 "ca": ("Aquest glossari recull, amb les nostres paraules, l'annex del document del Partner's Day 2024 de la Mission Locale de Saint-Gilles: una explicació no exhaustiva de les sigles i els organismes que els participants van citar al voltant dels sis personas. Descriu el que fa cada servei per una persona allunyada de la feina; no substitueix la informació actualitzada dels mateixos serveis. Només es dona una adreça quan el document la dona.",
        "Per trobar un servei a prop teu", "Directoris citats al document:"),
 "it": ("Questo glossario riprende, con parole nostre, l'allegato del documento del Partner's Day 2024 della Mission Locale de Saint-Gilles: una spiegazione non esaustiva delle sigle e degli enti che i partecipanti hanno citato attorno ai sei personas. Descrive che cosa fa ogni servizio per una persona lontana dal lavoro; non sostituisce le informazioni aggiornate dei servizi stessi. Un indirizzo è indicato solo quando il documento lo fornisce.",
        "Per trovare un servizio vicino a te", "Repertori citati nel documento:"),
 "hu": ("Ez a szószedet saját szavainkkal adja vissza a Mission Locale de Saint-Gilles Partner's Day 2024 dokumentumának mellékletét: a résztvevők által a hat persona kapcsán említett rövidítések és szervezetek nem teljes körű magyarázatát. Leírja, mit tesz az egyes szolgáltatások egy munkaerőpiactól távol álló emberért; nem helyettesíti maguknak a szolgáltatásoknak a naprakész tájékoztatását. Címet csak akkor adunk meg, ha a dokumentum is megadja.",
        "Szolgáltatás keresése a lakóhelyed közelében", "A dokumentumban említett jegyzékek:"),
}

def q(text):
    return json.dumps(text, ensure_ascii=False)

root = os.path.join(os.path.dirname(__file__), "..", "..", "content", "glossary", "brussels-services")
os.makedirs(root, exist_ok=True)
for c in C:
    h = HEAD[c]
    lines = ["---", "type: glossary", "set: brussels-services", f"culture: {c}", f"slug: {h['slug']}", f"title: {q(h['title'])}", f"summary: {q(h['summary'])}", "entries:"]
    for e in ENTRIES:
        lines.append(f"  - id: {e['id']}")
        lines.append(f"    name: {q(e['name'][c])}")
        if e["full"] and e["full"].get(c):
            lines.append(f"    full_name: {q(e['full'][c])}")
        lines.append(f"    does: {q(e['does'][c])}")
        if e["url"]:
            lines.append(f"    url: {e['url']}")
        if e["also"]:
            lines.append(f"    also: [{', '.join(q(a) for a in e['also'])}]")
    lines += ["status: published", "---", ""]
    intro, heading, lead = BODY[c]
    lines += [intro, "", f"## {heading}", "", lead, ""]
    lines += [f"- [{label[c]}]({url})" for url, label in LINKS]
    open(os.path.join(root, f"glossary.{c}.md"), "w", encoding="utf-8").write("\n".join(lines) + "\n")
print(len(ENTRIES), "entries written in", len(C), "cultures")
