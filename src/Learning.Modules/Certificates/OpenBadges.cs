using System.Text.Json.Nodes;
using System.Xml.Linq;
using Learning.Modules.Core.Localization;
using Learning.Modules.Core.Tenancy;
using Microsoft.AspNetCore.Http;

namespace Learning.Modules.Certificates;

/// <summary>
/// Open Badges 2.0 hosted verification: the Issuer, the BadgeClass and each Assertion are JSON-LD documents
/// served at their own ids; a revoked assertion answers 410 Gone with its reason; the badge image is an SVG,
/// and the one a person downloads is "baked" with their assertion's address.
/// </summary>
public static class OpenBadges
{
    private const string Context = "https://w3id.org/openbadges/v2";

    public static string IssuerId(HttpRequest request) => Url(request, "/badges/issuer.json");

    public static string BadgeClassId(HttpRequest request) => Url(request, "/badges/badge.json");

    public static string AssertionId(HttpRequest request, string code) => Url(request, $"/badges/assertions/{code}.json");

    public static JsonObject Issuer(HttpRequest request, Tenant tenant) => new()
    {
        ["@context"] = Context,
        ["type"] = "Issuer",
        ["id"] = IssuerId(request),
        ["name"] = tenant.DisplayName,
        ["url"] = Url(request, "/"),
    };

    public static JsonObject BadgeClass(HttpRequest request, string name, string description, string criteria) => new()
    {
        ["@context"] = Context,
        ["type"] = "BadgeClass",
        ["id"] = BadgeClassId(request),
        ["name"] = name,
        ["description"] = description,
        ["image"] = Url(request, "/badges/badge.svg"),
        ["criteria"] = new JsonObject { ["narrative"] = criteria },
        ["issuer"] = IssuerId(request),
    };

    public static JsonObject Assertion(HttpRequest request, Certificate certificate, string verificationPage) => new()
    {
        ["@context"] = Context,
        ["type"] = "Assertion",
        ["id"] = AssertionId(request, certificate.Code),
        ["recipient"] = new JsonObject { ["type"] = "email", ["hashed"] = true, ["salt"] = certificate.Salt, ["identity"] = certificate.RecipientHash },
        ["badge"] = BadgeClassId(request),
        ["verification"] = new JsonObject { ["type"] = "hosted" },
        ["issuedOn"] = certificate.IssuedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["evidence"] = verificationPage,
    };

    public static JsonObject Revoked(HttpRequest request, Certificate certificate) => new()
    {
        ["@context"] = Context,
        ["type"] = "Assertion",
        ["id"] = AssertionId(request, certificate.Code),
        ["revoked"] = true,
        ["revocationReason"] = certificate.RevocationReason ?? "",
    };

    /// <summary>The badge image; with an assertion address, baked as Open Badges bakes SVGs.</summary>
    public static string Svg(string title, string? assertionId = null)
    {
        XNamespace svg = "http://www.w3.org/2000/svg";
        XNamespace ob = "http://openbadges.org";
        return new XElement(svg + "svg",
            new XAttribute("viewBox", "0 0 200 200"), new XAttribute("width", "200"), new XAttribute("height", "200"),
            new XAttribute(XNamespace.Xmlns + "openbadges", ob),
            assertionId is null ? null : new XElement(ob + "assertion", new XAttribute("verify", assertionId)),
            new XElement(svg + "title", title),
            new XElement(svg + "circle", new XAttribute("cx", "100"), new XAttribute("cy", "100"), new XAttribute("r", "92"), new XAttribute("fill", "#0b5cad")),
            new XElement(svg + "circle", new XAttribute("cx", "100"), new XAttribute("cy", "100"), new XAttribute("r", "78"), new XAttribute("fill", "none"), new XAttribute("stroke", "#ffbf47"), new XAttribute("stroke-width", "6")),
            new XElement(svg + "text", new XAttribute("x", "100"), new XAttribute("y", "96"), new XAttribute("text-anchor", "middle"), new XAttribute("fill", "#fff"), new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "26"), new XAttribute("font-weight", "bold"), "MOOC"),
            new XElement(svg + "text", new XAttribute("x", "100"), new XAttribute("y", "126"), new XAttribute("text-anchor", "middle"), new XAttribute("fill", "#fff"), new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "15"), "RéSolution")).ToString();
    }

    private static string Url(HttpRequest request, string path) => CultureLinks.Absolute(request, request.PathBase + path);
}
