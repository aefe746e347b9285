using Learning.Modules.Core;
using Learning.Modules.Core.Security;
using Learning.Modules.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Learning.Modules.Accounts.Pages.Admin;

[Authorize(Policy = Roles.AdministratorPolicy)]
public sealed class UsersModel(LearningDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] // not "page": Razor Pages keeps that route value for itself
    public int PageNumber { get; set; } = 1;

    public Pager Pager { get; private set; } = new(1, PageSize, 0);

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var term = Query.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term) || (u.Organisation != null && u.Organisation.ToUpper().Contains(term)));
        }

        Pager = new Pager(PageNumber, PageSize, await users.CountAsync(cancellationToken));
        var now = clock.GetUtcNow();
        var page = await users
            .OrderBy(u => u.NormalizedEmail)
            .Skip(Pager.Skip)
            .Take(Pager.Size)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Organisation, u.EmailConfirmed, u.LockoutEnd })
            .ToListAsync(cancellationToken);

        // The page's roles in one query, not one per row.
        var ids = page.Select(u => u.Id).ToList();
        var roles = await db.UserRoles
            .Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);

        Rows = page.Select(u => new UserRow(
            u.Id, u.Email ?? "", u.DisplayName, u.Organisation, u.EmailConfirmed, u.LockoutEnd > now,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList())).ToList();
    }

    public sealed record UserRow(string Id, string Email, string DisplayName, string? Organisation, bool Confirmed, bool Locked, IReadOnlyList<string> Roles);
}
