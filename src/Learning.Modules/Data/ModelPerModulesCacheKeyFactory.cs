using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Learning.Modules.Data;

/// <summary>EF caches a context type's model once; here the model depends on the listed modules, which
/// differ between installations (and between test applications in one process).</summary>
internal sealed class ModelPerModulesCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), ((LearningDbContext)context).ModelKey, designTime);
}
