using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Learning.Modules.Community.Discussions;

public sealed class DiscussionSettingsConfiguration : IEntityTypeConfiguration<DiscussionSettings>
{
    public void Configure(EntityTypeBuilder<DiscussionSettings> settings)
    {
        settings.ToTable("DiscussionSettings");
        settings.Property(s => s.Id).ValueGeneratedNever();
    }
}
